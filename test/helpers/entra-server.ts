// The emulator's Entra ID run in-process on an HTTPS loopback port (both http and https, as the emulator
// listens) with a local CA of its own: for tests that need what the emulator process does not hand out
// (a signed-in user's token) or that watch every request msal makes.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createEntra, type Entra, type EntraTenant } from '../../emulator/entra';
import { listenDual, loadOrCreateTls } from '../../emulator/tls';

export interface EntraServer {
  readonly entra: Entra;
  /** The seeded tenant (emulator/seed/tenant.json). */
  readonly tenant: EntraTenant;
  readonly port: number;
  /** `https://localhost:<port>`: the authority host. */
  readonly base: string;
  /** The local CA's certificate, for clients that must trust the server. */
  readonly caPem: string;
  /** `METHOD /path` of every request so far, in order (empty it with `seen.length = 0`). */
  readonly seen: string[];
  /** Closes the listener and removes the data folder. */
  close(): Promise<void>;
}

/** Starts Entra ID in this process; `name` names its temporary data folder. */
export async function startEntraServer(name: string): Promise<EntraServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${name}-`));
  const tenant = JSON.parse(
    await readFile(path.join(__dirname, '../../emulator/seed/tenant.json'), 'utf8'),
  ) as EntraTenant;
  const tls = await loadOrCreateTls(dir);
  const seen: string[] = [];
  // The public base needs the port, so the handler finds Entra once it exists.
  const late: { entra?: Entra } = {};
  const server = await listenDual(
    (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://placeholder');
        seen.push(`${req.method} ${url.pathname}`);
        const entraReq = {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        (late.entra ? late.entra.handle(entraReq) : Promise.resolve(undefined)).then(
          // Not chained: restify, loaded by other files in this process, patches writeHead to return nothing.
          (out) => {
            if (!out) {
              res.writeHead(404, { 'content-type': 'application/json' });
              res.end('{"error":"not_found"}');
              return;
            }
            res.writeHead(out.status, out.headers);
            res.end(out.body);
          },
          (err: Error) => {
            res.writeHead(500);
            res.end(err.message);
          },
        );
      });
    },
    { port: 0, host: '127.0.0.1', tls },
  );
  const base = `https://localhost:${server.port}`;
  const entra = await createEntra({
    publicBase: base,
    dataDir: dir,
    tenant: () => tenant,
    now: () => Date.now(),
  });
  late.entra = entra;
  return {
    entra,
    tenant,
    port: server.port,
    base,
    caPem: tls.caCertPem,
    seen,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
