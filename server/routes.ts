import { AppError } from './errors';
import { healthz, readyz, type ReadinessCheck } from './health';
import { staticFiles } from './http/static-files';
import type { EarlyAnswer, Edge, Route } from './http/types';

export const BODY_LIMITS = {
  messages: 512 * 1024,
  // Graph calling notifications are small; the cap keeps a forged flood cheap to refuse.
  calls: 256 * 1024,
  notifications: 1024 * 1024,
  tab: 64 * 1024,
} as const;

export interface RouteParts {
  readonly messages: Edge;
  readonly calls: Edge & { readonly early?: EarlyAnswer };
  readonly notifications: Edge;
  readonly tabApi: Edge;
  readonly tabDir: string;
  readonly promptsDir: string;
  readonly readiness: readonly ReadinessCheck[];
}

/** The route table: every inbound endpoint, its body limit and its edge. */
export function buildRoutes(p: RouteParts): Route[] {
  const tabApi: Route[] = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).map((method) => ({
    method,
    path: '/api/tab/*',
    maxBodyBytes: BODY_LIMITS.tab,
    handle: p.tabApi,
  }));
  return [
    { method: 'POST', path: '/api/messages', maxBodyBytes: BODY_LIMITS.messages, handle: p.messages },
    {
      method: 'POST',
      path: '/api/calls',
      maxBodyBytes: BODY_LIMITS.calls,
      handle: p.calls,
      handOver: true,
      // A refused token's answer is decided by the token alone; held well within the webhook's own
      // memory of a refused token (10 minutes).
      earlyBy: { header: 'authorization', holdMs: 60_000 },
      ...(p.calls.early ? { early: p.calls.early } : {}),
    },
    {
      method: 'POST',
      path: '/api/notifications',
      maxBodyBytes: BODY_LIMITS.notifications,
      handle: p.notifications,
    },
    ...tabApi,
    { method: 'GET', path: '/tab', handle: staticFiles(p.tabDir, '/tab', { index: 'index.html' }) },
    { method: 'GET', path: '/tab/*', handle: staticFiles(p.tabDir, '/tab', { index: 'index.html' }) },
    {
      method: 'GET',
      path: '/prompts/*',
      handle: staticFiles(p.promptsDir, '/prompts', { maxAgeSeconds: 3600 }),
    },
    { method: 'GET', path: '/healthz', handle: healthz },
    { method: 'GET', path: '/readyz', handle: readyz(p.readiness) },
  ];
}

/** An edge for a part that this deployment does not offer: a clear 404/503 rather than silence. */
export function unavailable(what: string, status: 404 | 503 = 503): Edge {
  return async () => {
    throw new AppError(status === 404 ? 'not_found' : 'unavailable', what);
  };
}
