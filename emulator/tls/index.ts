// The emulator's local certificate authority and its one-port HTTP + HTTPS listener.
export type { TlsMaterial } from './load-or-create';
export { loadOrCreateTls, DEFAULT_HOSTNAMES } from './load-or-create';
export type { DualListener } from './listen-dual';
export { listenDual } from './listen-dual';
