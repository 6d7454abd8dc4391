// A TLS-terminating tunnel on 127.0.0.1:0 in front of the app, with a certificate for a public-looking
// host name from its own CA: what a dev tunnel or reverse proxy gives a developer, on loopback.
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { loadOrCreateTls } from '../../../emulator/tls';

export interface Tunnel {
  readonly port: number;
  /** The tunnel CA certificate (PEM). */
  readonly caPem: string;
  /** Where to forward; set once the app listens. */
  target: number;
  stop(): Promise<void>;
}

/** Opens the tunnel for `hostname`; connections are piped to 127.0.0.1:`target`. */
export async function openTunnel(hostname: string): Promise<Tunnel> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-tunnel-'));
  const material = await loadOrCreateTls(dir, [hostname]);
  const sockets = new Set<net.Socket>();
  const tunnel = {
    port: 0,
    caPem: material.caCertPem,
    target: 0,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dir, { recursive: true, force: true });
    },
  };
  const server = tls.createServer({ key: material.keyPem, cert: material.certPem }, (client) => {
    const upstream = net.connect(tunnel.target, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tunnel.port = (server.address() as net.AddressInfo).port;
  return tunnel;
}
