import assert from 'node:assert/strict';
import { GraphError, GraphFaults, graphErrorBody, parseJsonObject } from '../../../../emulator/http';

describe('emulator HTTP faults and bodies', () => {
  it('serves exactly N injected faults, with Retry-After', () => {
    const f = new GraphFaults();
    assert.equal(f.take(), undefined);
    f.set({ status: 429, count: 2, retryAfterSeconds: 3 });
    const first = f.take();
    assert.equal(first?.status, 429);
    assert.equal(first?.headers?.['Retry-After'], '3');
    assert.equal(f.remaining(), 1);
    assert.equal(f.take()?.code, 'TooManyRequests');
    assert.equal(f.take(), undefined);
    f.set({ status: 503, count: 1 });
    assert.equal(f.take()?.headers?.['Retry-After'], '1');
    assert.throws(() => f.set({ status: 404, count: 1 }), RangeError);
  });

  it('parses JSON object bodies with Graph wording for bad ones', () => {
    assert.deepEqual(parseJsonObject('{"a":1}', false), { a: 1 });
    assert.deepEqual(parseJsonObject('  ', true), {});
    for (const bad of ['{', '[1]', '"x"', 'null']) {
      assert.throws(
        () => parseJsonObject(bad, false),
        (err: unknown) =>
          err instanceof GraphError &&
          err.status === 400 &&
          /Unable to read JSON request payload/.test(err.message),
        bad,
      );
    }
    assert.throws(
      () => parseJsonObject('', false),
      (err: unknown) => err instanceof GraphError && /Empty Payload/.test(err.message),
    );
  });

  it('builds the Graph error body with innerError correlation', () => {
    const body = graphErrorBody('BadRequest', 'nope', 'rid', 'crid', new Date('2030-01-02T03:04:05.678Z'), {
      target: 'x',
    }) as {
      error: Record<string, unknown>;
    };
    assert.deepEqual(body.error, {
      code: 'BadRequest',
      message: 'nope',
      target: 'x',
      innerError: { date: '2030-01-02T03:04:05', 'request-id': 'rid', 'client-request-id': 'crid' },
    });
  });
});
