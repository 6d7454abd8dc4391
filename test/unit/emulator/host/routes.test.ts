// The host page's routes follow the tab address the emulator was given (EMULATOR_TAB_URL): the page
// asks for it, and the page's CSP lets it frame that origin.
import assert from 'node:assert/strict';
import { readEmulatorConfig } from '../../../../emulator/config';
import { hostRoutes } from '../../../../emulator/host';
import { findRoute, type HttpResponse, type RequestContext } from '../../../../emulator/http';

function routesFor(tabUrl: string) {
  const routes = hostRoutes(() => Promise.reject(new Error('no tokens here')), { tabUrl });
  return async (p: string): Promise<HttpResponse | undefined> => {
    const segments = p.split('/').filter(Boolean);
    const match = findRoute(routes, 'GET', segments);
    if (match.kind !== 'found') return undefined;
    const ctx = { method: 'GET', path: p, segments, params: match.params } as unknown as RequestContext;
    return match.route.handle(ctx);
  };
}

describe('emulator host page: the tab it frames', () => {
  it('tells the page which tab to frame', async () => {
    const get = routesFor('http://localhost:4978/tab/');
    const answer = await get('/host/defaults');
    assert.equal(answer?.status, 200);
    assert.deepEqual(answer?.body, { tabUrl: 'http://localhost:4978/tab/' });
  });

  it("lets the page frame the tab's origin when it is not on loopback", async () => {
    const get = routesFor('https://switchboard.example.com/tab/');
    const page = await get('/host');
    assert.equal(page?.status, 200);
    const frameSrc = /frame-src ([^;]*)/.exec(String(page?.headers?.['Content-Security-Policy']))?.[1];
    assert.ok(frameSrc?.split(' ').includes('https://switchboard.example.com'), frameSrc);
    assert.ok(frameSrc?.split(' ').includes('http://localhost:*'), frameSrc);
  });

  it('reads EMULATOR_TAB_URL, defaults to the app on its default port, and refuses a non-URL', () => {
    assert.equal(readEmulatorConfig({}).tabUrl, 'http://localhost:3978/tab/');
    assert.equal(
      readEmulatorConfig({ EMULATOR_TAB_URL: 'http://localhost:4978/tab/' }).tabUrl,
      'http://localhost:4978/tab/',
    );
    assert.throws(
      () => readEmulatorConfig({ EMULATOR_TAB_URL: 'localhost:4978' }),
      /EMULATOR_TAB_URL must be an http\(s\) URL/,
    );
  });
});
