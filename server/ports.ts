// Ports as a person meets them: a taken port is one line naming the variable that moves us elsewhere,
// checked before anything starts; and the address a process on this machine reaches the app at.
import { createServer } from 'node:net';
import { AppError } from './app-error';

/** A port found taken: what probably holds it, and which variable picks another. */
export function portInUse(port: number, variable: string, holder: string): AppError {
  return new AppError(
    'unavailable',
    `port ${port} is in use: ${holder} may be running; stop it or set ${variable}`,
    { key: variable },
  );
}

/** Whether a listen failed because the address is taken. */
export function isAddressInUse(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/**
 * Resolves when host:port can be bound (it binds and releases it at once); rejects with portInUse when
 * it is taken. Other bind failures are left to the real listen, which reports them.
 */
export function ensurePortFree(port: number, host: string, variable: string, holder: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) =>
      isAddressInUse(err) ? reject(portInUse(port, variable, holder)) : resolve(),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** http://host:port as seen from this machine: a wildcard HOST (0.0.0.0, ::) is reached on loopback. */
export function loopbackUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
