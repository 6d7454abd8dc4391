// A Graph request's deadline ends with the request: nothing of it (timer, signal, the request fetch
// listens with) stays in memory for the rest of the timeout once the answer is in. At a few requests per
// call and a 30 s timeout, what stayed added up to kilobytes per live call.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { createGraphClient } from '../../../../calling/graph/graph-client';
import type { Fetch } from '../../../../calling/http';
import { fakeFetch } from '../../../helpers/fake-fetch';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const turn = () => new Promise((r) => setImmediate(r));

describe('Graph request deadline', () => {
  it('lets go of the request signal once the answer is in', async () => {
    const net = fakeFetch(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }));
    const signals: WeakRef<AbortSignal>[] = [];
    // As undici's fetch does, listen for the abort for as long as the request may need it.
    const fetch: Fetch = (input, init) => {
      const signal = init?.signal;
      if (signal) {
        signal.addEventListener('abort', () => undefined);
        signals.push(new WeakRef(signal));
      }
      return net.fetch(input, init);
    };
    const graph = createGraphClient({
      baseUrl: 'https://graph.example.test/v1.0',
      tokens: { appToken: () => Promise.resolve('t'), onBehalfOf: () => Promise.resolve('u') },
      logger: pino({ level: 'silent' }),
      fetch,
    });
    for (let i = 0; i < 3; i++) await graph.request({ method: 'GET', path: `/communications/calls/c${i}` });
    assert.equal(signals.length, 3);
    await turn();
    gc();
    await turn();
    gc();
    assert.equal(signals.filter((s) => s.deref() !== undefined).length, 0);
  });
});
