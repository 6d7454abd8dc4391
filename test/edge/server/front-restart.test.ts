import assert from 'node:assert/strict';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startFront } from '../../../server/http/front';
import { createRestifyServer } from '../../../server/http/restify-adapter';
import { createLogger } from '../../../server/logger';

// The front thread run from test/helpers/crashing-front-thread.ts, which throws on GET /crash as a bug would.
describe('server edge: a front thread that dies', () => {
  it('is started again on the same port, and the app is reachable again', async () => {
    const logged: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ level: 'info', destination: sink });
    const app = createRestifyServer(
      [{ method: 'GET', path: '/ping', handle: async () => ({ status: 200, body: 'pong' }) }],
      logger,
    );
    const inner = await app.listen(0, '127.0.0.1');
    const front = await startFront({
      port: 0,
      host: '127.0.0.1',
      upstreamPort: inner.port,
      handOver: new Map(),
      limits: [{ method: 'GET', path: '/ping', limit: 1024 }],
      logger,
      entry: path.join(__dirname, '../../helpers/crashing-front-thread.ts'),
    });
    const base = `http://127.0.0.1:${front.port}`;
    try {
      assert.equal(await (await fetch(`${base}/ping`)).text(), 'pong');
      await assert.rejects(fetch(`${base}/crash`));
      let answer: string | undefined;
      for (let i = 0; i < 100 && answer === undefined; i++) {
        answer = await fetch(`${base}/ping`).then(
          (res) => res.text(),
          () => undefined,
        );
        if (answer === undefined) await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(answer, 'pong');
      assert.ok(logged.some((l) => l.includes('the front thread stopped; starting it again')));
    } finally {
      await front.close(100);
      await app.close(100);
    }
  });
});
