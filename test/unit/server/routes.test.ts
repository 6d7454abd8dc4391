import assert from 'node:assert/strict';
import type { EdgeResponse } from '../../../server/http/types';
import { buildRoutes } from '../../../server/routes';

describe('server routes', () => {
  const edge = async (): Promise<EdgeResponse> => ({ status: 204 });
  const refuse = (): EdgeResponse => ({ status: 403 });

  it("the calls webhook's early answer is mounted on POST /api/calls, and on no other route", () => {
    const routes = buildRoutes({
      messages: edge,
      calls: Object.assign(async () => ({ status: 202 }), { early: refuse }),
      notifications: edge,
      tabApi: edge,
      tabDir: '/nonexistent/tab',
      promptsDir: '/nonexistent/prompts',
      readiness: [],
    });
    const withEarly = routes.filter((r) => r.early).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(withEarly, ['POST /api/calls']);
    assert.equal(routes.find((r) => r.path === '/api/calls')?.early, refuse);
  });

  it('a calls edge without an early answer mounts without one', () => {
    const routes = buildRoutes({
      messages: edge,
      calls: edge,
      notifications: edge,
      tabApi: edge,
      tabDir: '/nonexistent/tab',
      promptsDir: '/nonexistent/prompts',
      readiness: [],
    });
    assert.ok(routes.every((r) => r.early === undefined));
  });
});
