import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { TlsMaterial } from './load-or-create';

// First byte of a TLS record carrying a handshake (the ClientHello).
const TLS_HANDSHAKE = 0x16;

export interface DualListener {
  port: number;
  close(): Promise<void>;
}

/** One TCP port serving plain HTTP and HTTPS with the same handler, told apart by the first byte. */
export function listenDual(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  opts: { port: number; host: string; tls: TlsMaterial },
): Promise<DualListener> {
  const plain = http.createServer(handler);
  const secure = https.createServer(
    { key: opts.tls.keyPem, cert: opts.tls.certPem, ca: opts.tls.caCertPem },
    handler,
  );
  // A client that drops the handshake must not take the process down.
  secure.on('tlsClientError', (_err, socket) => socket.destroy());
  const sockets = new Set<net.Socket>();

  const front = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      const target = first[0] === TLS_HANDSHAKE ? secure : plain;
      target.emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });

  return new Promise((resolve, reject) => {
    front.once('error', reject);
    front.listen(opts.port, opts.host, () => {
      front.off('error', reject);
      const address = front.address() as net.AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            front.close(() => done());
            for (const socket of sockets) socket.destroy();
            sockets.clear();
          }),
      });
    });
  });
}
