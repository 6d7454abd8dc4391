// A small router: routes are data ({ method, pattern, handle }); path segments compare
// case-insensitively (Graph's paths and action names are case-insensitive), parameters keep their case.
import type { HttpResponse, RequestContext } from './types';

export type Handler = (ctx: RequestContext) => Promise<HttpResponse> | HttpResponse;

/** One route: pattern segments are literals or `:name` parameters; a trailing `*` matches the rest. */
export interface Route {
  method: string;
  pattern: string;
  handle: Handler;
}

/** Splits a URL path into decoded, non-empty segments; undefined when a segment is badly encoded. */
export function splitPath(pathname: string): string[] | undefined {
  const out: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    try {
      out.push(decodeURIComponent(raw));
    } catch {
      return undefined;
    }
  }
  return out;
}

// Actions may be addressed with their namespace (`.../microsoft.graph.answer`), as OData allows.
function literalMatches(segment: string, literal: string): boolean {
  const s = segment.toLowerCase();
  const l = literal.toLowerCase();
  return s === l || s === `microsoft.graph.${l}`;
}

/** Matches path segments against a pattern; returns the parameters or undefined. */
export function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter((p) => p !== '');
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part === '*') {
      params['*'] = segments.slice(i).join('/');
      return params;
    }
    const segment = segments[i];
    if (segment === undefined) return undefined;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (!literalMatches(segment, part)) return undefined;
  }
  return segments.length === parts.length ? params : undefined;
}

/** The result of looking a request up: a handler, a 405 (path known, method not) or nothing. */
export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'none' };

/** Finds the route for a method and path segments. */
export function findRoute(routes: readonly Route[], method: string, segments: string[]): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method.toUpperCase()) return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'none' };
}
