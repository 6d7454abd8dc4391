// A stand-in for the Microsoft calling service's key authority: real RSA key pairs, an OpenID document and
// a JWKS served on loopback, and a signer for good and forged notification tokens.
import { createHmac, KeyObject, randomUUID, sign as rsaSign } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

// jose is ESM-only; import() keeps this CommonJS test helper loadable.
const loadJose = (): Promise<typeof JoseModule> => import('jose');

export interface AuthorityKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly jwk: Record<string, unknown>;
}

export interface SignOptions {
  /** The kid written in the header (default: the current key's). */
  readonly kid?: string;
  /** The alg written in the header (default RS256). `none` leaves the signature empty. */
  readonly alg?: string;
  /** The key that signs (default: the current key). Need not be published. */
  readonly key?: AuthorityKey;
  /** For `alg: HS256`: the HMAC secret (a forger's favourite is the public key's PEM). */
  readonly hmacSecret?: string | Buffer;
  /** Extra header fields. */
  readonly header?: Record<string, unknown>;
}

export interface KeyAuthority {
  /** What CALLING_OPENID_CONFIG_URL should be. */
  readonly openIdConfigUrl: string;
  /** The key tokens are signed with by default (the newest). */
  readonly current: AuthorityKey;
  /** How often each document was fetched. */
  readonly fetches: { openId: number; jwks: number };
  /** Claims of a token the app should accept: issuer, audience, tenant, one-hour lifetime. */
  claims(overrides?: Record<string, unknown>): Record<string, unknown>;
  sign(claims: Record<string, unknown>, opts?: SignOptions): string;
  /** A key pair that is not published (its tokens carry an unknown kid). */
  newKey(): Promise<AuthorityKey>;
  /** Publishes a new key and makes it current; `dropOld` removes the others from the JWKS. */
  rotate(opts?: { dropOld?: boolean }): Promise<AuthorityKey>;
  /** While true the JWKS endpoint answers 503 (the OpenID document still answers). */
  failJwks(on: boolean): void;
  close(): Promise<void>;
}

export interface KeyAuthorityOptions {
  readonly appId: string;
  readonly tenantId: string;
  readonly issuer?: string;
  /** Serve https with this certificate instead of http. */
  readonly tls?: { readonly certPem: string; readonly keyPem: string };
}

/** Starts a key authority on 127.0.0.1:0. Close it in after(). */
export async function startKeyAuthority(opts: KeyAuthorityOptions): Promise<KeyAuthority> {
  const issuer = opts.issuer ?? 'https://api.botframework.com';
  let published: AuthorityKey[] = [await newAuthorityKey()];
  const current = () => published[published.length - 1]!;
  let jwksFailing = false;
  const fetches = { openId: 0, jwks: 0 };

  const handler: http.RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/v1/.well-known/OpenIdConfiguration') {
      fetches.openId++;
      return send(200, {
        issuer,
        jwks_uri: `${base}/v1/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (path === '/v1/keys') {
      fetches.jwks++;
      if (jwksFailing) return send(503, { error: 'the key service is down (test switch)' });
      return send(200, { keys: published.map((k) => k.jwk) });
    }
    send(404, { error: 'not found' });
  };
  const server = opts.tls
    ? https.createServer({ cert: opts.tls.certPem, key: opts.tls.keyPem }, handler)
    : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`;

  return {
    openIdConfigUrl: `${base}/v1/.well-known/OpenIdConfiguration`,
    get current() {
      return current();
    },
    fetches,
    claims(overrides = {}) {
      const nowSec = Math.floor(Date.now() / 1000);
      return {
        iss: issuer,
        aud: opts.appId,
        tid: opts.tenantId,
        iat: nowSec,
        nbf: nowSec,
        exp: nowSec + 3600,
        ...overrides,
      };
    },
    sign: (claims, s = {}) => signToken(s.key ?? current(), claims, s),
    newKey: newAuthorityKey,
    async rotate(r = {}) {
      const next = await newAuthorityKey();
      published = r.dropOld ? [next] : [...published, next];
      return next;
    },
    failJwks(on) {
      jwksFailing = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A fresh RS256 key pair (jose) with its public JWK, named by a random kid. */
export async function newAuthorityKey(): Promise<AuthorityKey> {
  const jose = await loadJose();
  const pair = await jose.generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const jwk = { ...(await jose.exportJWK(pair.publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { kid, privateKey: KeyObject.from(pair.privateKey), publicKey: KeyObject.from(pair.publicKey), jwk };
}

/** Mints a compact JWT with whatever header the options ask for: the honest path and every forgery. */
export function signToken(key: AuthorityKey, claims: Record<string, unknown>, s: SignOptions = {}): string {
  const alg = s.alg ?? 'RS256';
  const header = { typ: 'JWT', alg, kid: s.kid ?? key.kid, ...s.header };
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(claims))}`;
  let signature: Buffer;
  if (alg === 'none') signature = Buffer.alloc(0);
  else if (alg === 'HS256')
    signature = createHmac('sha256', s.hmacSecret ?? 'secret')
      .update(input)
      .digest();
  else signature = rsaSign('sha256', Buffer.from(input), key.privateKey);
  return `${input}.${signature.toString('base64url')}`;
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}
