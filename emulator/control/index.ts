// The /emulator/... control API for tests and tools.
export { controlRoutes } from './routes';
export type { ControlDeps } from './deps';
export { summarise } from './calls';
