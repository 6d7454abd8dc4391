// A stand-in Entra authority for the tab API's edge tests: a real RSA key published at
// /{tenant}/discovery/v2.0/keys on loopback, and a signer for good and bad SSO tokens.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SsoAuthority {
  /** http://127.0.0.1:<port>: the ENTRA_AUTHORITY_HOST to give the app. */
  readonly url: string;
  /** How many times the keys document was fetched. */
  readonly fetches: () => number;
  /** Signs `claims` with the published key (or with an unpublished one when `forged`). */
  /** Signs `claims` with the published 1,024-bit key when `short` (too weak to trust). */
  token(claims: Record<string, unknown>, opts?: { forged?: boolean; kid?: string; short?: boolean }): string;
  close(): Promise<void>;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function signWith(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const input = `${b64({ typ: 'JWT', alg: 'RS256', kid })}.${b64(claims)}`;
  return `${input}.${sign('RSA-SHA256', Buffer.from(input), key).toString('base64url')}`;
}

/** Starts the authority; it publishes its key for every tenant id asked. */
export async function startSsoAuthority(): Promise<SsoAuthority> {
  const good = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const kid = 'tab-test-key';
  const weakKid = 'tab-weak-key';
  let fetches = 0;
  const server = http.createServer((req, res) => {
    if (!/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(req.url ?? '')) {
      res.writeHead(404);
      res.end();
      return;
    }
    fetches++;
    const jwk = good.publicKey.export({ format: 'jwk' });
    const weakJwk = weak.publicKey.export({ format: 'jwk' });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        keys: [
          { ...jwk, kid, use: 'sig', alg: 'RS256' },
          { ...weakJwk, kid: weakKid, use: 'sig', alg: 'RS256' },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    fetches: () => fetches,
    token: (claims, opts = {}) =>
      opts.short
        ? signWith(weak.privateKey, weakKid, claims)
        : signWith(opts.forged ? other.privateKey : good.privateKey, opts.kid ?? kid, claims),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
