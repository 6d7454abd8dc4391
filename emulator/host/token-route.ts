// POST /host/token: the host page's stand-in for Teams' SSO broker. It mints the signed-in person's
// access token for the app's API with the emulator's Entra keys, or a deliberately bad one so the tab's
// consent message can be seen and tested.
import type { HttpResponse, RequestContext } from '../http';

/** How the minted token is spoiled: `scope` drops access_as_user, `expired` is past its lifetime. */
export type TokenFault = 'none' | 'scope' | 'expired';

export interface MintOptions {
  scopes?: string[];
  lifetimeSec?: number;
}

export type MintUserToken = (personId: string, opts?: MintOptions) => Promise<string>;

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  body,
});

/** Reads `{ personId, fault? }` and answers `{ token }` (400 for a bad body, 404 for an unknown person). */
export async function mintForHost(ctx: RequestContext, mint: MintUserToken): Promise<HttpResponse> {
  let body: { personId?: unknown; fault?: unknown };
  try {
    body = JSON.parse(ctx.rawBody || '{}') as typeof body;
  } catch (err) {
    return json(400, { error: { code: 'BadRequest', message: `The body is not JSON: ${String(err)}` } });
  }
  const fault = body.fault ?? 'none';
  if (typeof body.personId !== 'string' || !body.personId)
    return json(400, {
      error: { code: 'BadRequest', message: 'personId: name the person who is signed in.' },
    });
  if (fault !== 'none' && fault !== 'scope' && fault !== 'expired')
    return json(400, { error: { code: 'BadRequest', message: 'fault: one of none, scope, expired.' } });
  const opts: MintOptions =
    fault === 'scope' ? { scopes: ['User.Read'] } : fault === 'expired' ? { lifetimeSec: -3600 } : {};
  try {
    return json(200, { token: await mint(body.personId, opts) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (/no person/.test(message)) return json(404, { error: { code: 'NotFound', message } });
    throw err;
  }
}
