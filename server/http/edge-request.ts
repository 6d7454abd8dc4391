import type { IncomingHttpHeaders } from 'node:http';
import { parseJson } from './body';
import type { EdgeRequest } from './types';

/** A request URL's path, without its query. */
export function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

/**
 * What every way into the app gives its edges (restify's requests, the front thread's handed-over ones):
 * the URL parsed on demand (most edges never look at the path or query, the route already matched), the
 * body's JSON and text from `body()`. A class keeps the getters on its prototype, which V8 handles far
 * better than per-request object literals with accessors.
 */
export abstract class LazyEdgeRequest implements EdgeRequest {
  readonly method: string;
  readonly headers: IncomingHttpHeaders;
  readonly #rawUrl: string;
  #url: URL | undefined;

  constructor(method: string, rawUrl: string, headers: IncomingHttpHeaders) {
    this.method = method;
    this.headers = headers;
    this.#rawUrl = rawUrl;
  }

  abstract readonly params: Readonly<Record<string, string>>;
  /** Raw body, at most the route's limit. */
  abstract body(): Promise<Buffer>;

  #parsedUrl(): URL {
    return (this.#url ??= new URL(this.#rawUrl, 'http://local'));
  }
  get path(): string {
    return this.#parsedUrl().pathname;
  }
  get query(): URLSearchParams {
    return this.#parsedUrl().searchParams;
  }
  async json(): Promise<unknown> {
    return parseJson(await this.body());
  }
  async text(): Promise<string> {
    return (await this.body()).toString('utf8');
  }
}
