// `npm run playground` talks to the app where the app listens: PORT and HOST, read as the app reads them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { playgroundCommand } from '../../../scripts/playground';

describe('npm run playground', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-playground-cmd-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const endpoint = (env: Record<string, string>) => {
    const { args } = playgroundCommand(dir, env);
    return args[args.indexOf('-e') + 1];
  };

  it('targets the default port when nothing is set', () => {
    assert.equal(endpoint({}), 'http://127.0.0.1:3978/api/messages');
  });

  it('follows PORT from the environment, and from .env', () => {
    assert.equal(endpoint({ PORT: '4978' }), 'http://127.0.0.1:4978/api/messages');
    writeFileSync(path.join(dir, '.env'), 'PORT=5078\nHOST=0.0.0.0\n');
    assert.equal(endpoint({}), 'http://127.0.0.1:5078/api/messages');
    assert.equal(endpoint({ PORT: '4978' }), 'http://127.0.0.1:4978/api/messages');
  });

  it('refuses a PORT the app would refuse', () => {
    assert.throws(() => playgroundCommand(dir, { PORT: 'abc' }), /PORT must be an integer/);
  });
});
