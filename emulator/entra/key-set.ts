import { X509Certificate, createHash, createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import forge from 'node-forge';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** One RSA signing key with the self-signed certificate that JWKS consumers read from x5c. */
export interface SigningKey {
  kid: string;
  x5t: string;
  privateKeyPem: string;
  certPem: string;
}

/** A public key as a JWKS lists it. */
export interface PublicJwk {
  kty: 'RSA';
  use: 'sig';
  kid: string;
  x5t: string;
  n?: string;
  e?: string;
  x5c: string[];
  [extra: string]: unknown;
}

interface StoredKeySet {
  current: string;
  keys: SigningKey[];
}

export interface KeySet {
  /** The key new tokens are signed with. */
  current(): SigningKey;
  /** Every published key, newest first. */
  all(): SigningKey[];
  /** The public JWKS document, in the shape Entra publishes. */
  jwks(extra?: Record<string, string>): { keys: PublicJwk[] };
  /** Adds a key, makes it current, keeps the old ones published, persists the set. */
  rotate(): Promise<SigningKey>;
}

function selfSignedCert(privateKeyPem: string, commonName: string): string {
  const key = forge.pki.privateKeyFromPem(privateKeyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.validity.notBefore = new Date(Date.now() - 24 * 60 * 60 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 5 * YEAR_MS);
  const subject = [{ name: 'commonName', value: commonName }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.sign(key, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** Base64url SHA-1 thumbprint of the certificate: Entra uses it as both x5t and kid. */
function thumbprint(certPem: string): string {
  const der = new X509Certificate(certPem).raw;
  return createHash('sha1').update(der).digest('base64url');
}

function newKey(commonName: string): SigningKey {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const certPem = selfSignedCert(privateKeyPem, commonName);
  const x5t = thumbprint(certPem);
  return { kid: x5t, x5t, privateKeyPem, certPem };
}

function publicJwk(key: SigningKey, extra: Record<string, string>): PublicJwk {
  const jwk = createPrivateKey(key.privateKeyPem).export({ format: 'jwk' });
  const der = new X509Certificate(key.certPem).raw.toString('base64');
  return { kty: 'RSA', use: 'sig', kid: key.kid, x5t: key.x5t, n: jwk.n, e: jwk.e, x5c: [der], ...extra };
}

async function readStored(file: string): Promise<StoredKeySet | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as StoredKeySet;
    if (!Array.isArray(parsed.keys) || !parsed.keys.some((k) => k.kid === parsed.current)) return undefined;
    return parsed;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(
      `signing keys in ${file} are unreadable (${(err as Error).message}); delete the file to start afresh`,
    );
  }
}

async function writeStored(file: string, stored: StoredKeySet): Promise<void> {
  // Write then rename, so a crash mid-write never leaves half a key file behind.
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify(stored, null, 2), { mode: 0o600 });
  await rename(temp, file);
}

/** Opens the key set stored in `file`, creating it with one key on first use. */
export async function openKeySet(file: string, commonName: string): Promise<KeySet> {
  await mkdir(path.dirname(file), { recursive: true });
  let stored = await readStored(file);
  if (!stored) {
    const first = newKey(commonName);
    stored = { current: first.kid, keys: [first] };
    await writeStored(file, stored);
  }
  let state: StoredKeySet = stored;
  const byKid = (kid: string): SigningKey => {
    const found = state.keys.find((k) => k.kid === kid);
    if (!found) throw new Error(`no signing key ${kid}`);
    return found;
  };
  return {
    current: () => byKid(state.current),
    all: () => [...state.keys],
    jwks: (extra = {}) => ({ keys: state.keys.map((k) => publicJwk(k, extra)) }),
    async rotate() {
      const next = newKey(commonName);
      state = { current: next.kid, keys: [next, ...state.keys] };
      await writeStored(file, state);
      return next;
    },
  };
}
