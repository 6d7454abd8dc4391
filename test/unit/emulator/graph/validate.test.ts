import assert from 'node:assert/strict';
import {
  arrayOfLength,
  checkCallbackUri,
  checkClientContext,
  intInRange,
} from '../../../../emulator/graph/validate';
import { GraphError } from '../../../../emulator/http';

const rejects = (fn: () => unknown, name: RegExp) =>
  assert.throws(
    fn,
    (err: unknown) => err instanceof GraphError && err.status === 400 && name.test(err.message),
  );

describe('graph request rules beyond the CSDL', () => {
  it('accepts https callbacks anywhere and plain http only on loopback', () => {
    assert.equal(checkCallbackUri('https://bot.example.org/api/calls'), 'https://bot.example.org/api/calls');
    assert.equal(checkCallbackUri('http://127.0.0.1:3978/api/calls'), 'http://127.0.0.1:3978/api/calls');
    assert.equal(checkCallbackUri('http://localhost/api/calls'), 'http://localhost/api/calls');
    rejects(() => checkCallbackUri('http://bot.example.org/api/calls'), /callbackUri/);
    rejects(() => checkCallbackUri('ftp://127.0.0.1/x'), /callbackUri/);
    rejects(() => checkCallbackUri('/relative'), /callbackUri/);
    rejects(() => checkCallbackUri(undefined), /callbackUri/);
  });

  it('limits clientContext to 256 characters', () => {
    checkClientContext({ clientContext: 'x'.repeat(256) });
    rejects(() => checkClientContext({ clientContext: 'x'.repeat(257) }), /clientContext/);
  });

  it('checks integer ranges and defaults', () => {
    assert.equal(intInRange({}, 'timeout', 15, 90, 55), 55);
    assert.equal(intInRange({ timeout: 15 }, 'timeout', 15, 90, 55), 15);
    rejects(() => intInRange({ timeout: 91 }, 'timeout', 15, 90, 55), /timeout/);
    rejects(() => intInRange({ timeout: 20.5 }, 'timeout', 15, 90, 55), /timeout/);
  });

  it('checks array lengths', () => {
    assert.equal(arrayOfLength({ prompts: [1, 2] }, 'prompts', 1, 20).length, 2);
    rejects(() => arrayOfLength({ prompts: [] }, 'prompts', 1, 20), /prompts/);
    rejects(() => arrayOfLength({ prompts: new Array(21).fill(0) }, 'prompts', 1, 20), /prompts/);
    rejects(() => arrayOfLength({}, 'targets', 1, 25), /targets/);
  });
});
