// Dispatch is data: a list of { method, pattern, handle }. Patterns are paths under /api/tab with
// `:name` segments.
import type { TabUser } from './auth/types';
import type { TabRequest, TabResponse } from './types';

/** What a route handler gets: the request, the verified user and the path's named segments. */
export interface RouteContext {
  readonly req: TabRequest;
  readonly user: TabUser;
  readonly params: Readonly<Record<string, string>>;
}

export interface TabRoute {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly pattern: string;
  handle(ctx: RouteContext): Promise<TabResponse>;
}

/** The route for `method` and `path` (relative to /api/tab) with its params, or why there is none. */
export function matchRoute(
  routes: readonly TabRoute[],
  method: string,
  path: string,
): { route: TabRoute; params: Record<string, string> } | 'no_route' | 'wrong_method' {
  const segments = path.split('/').filter(Boolean);
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? 'wrong_method' : 'no_route';
}

function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const seg = segments[i] as string;
    if (part.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(seg);
      } catch {
        // A broken escape names nothing we could have stored.
        return undefined;
      }
      params[part.slice(1)] = value;
    } else if (part !== seg) return undefined;
  }
  return params;
}
