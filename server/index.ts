export { createApp, type App } from './app';
export { readConfig, readPortVariable, describeConfig, type Config, CONFIG_KEYS } from './config';
export { AppError, httpStatusOf, type AppErrorCode } from './errors';
export { createLogger, type Logger } from './logger';
export { loadEnvironment, parseEnvFile } from './env-file';
export type { Edge, EdgeRequest, EdgeResponse, Route } from './http/types';
export { loopbackUrl } from './ports';
export { isLocalMode, localFlowFiles } from './local/local-env';
