import pino from 'pino';
import type { Logger } from 'pino';

export type { Logger };

// Tokens, secrets and raw bodies never reach the log, whatever a caller passes in.
const REDACT = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'password',
  '*.password',
  'secret',
  '*.secret',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
];

/** The process logger; modules take children of it (`logger.child({ module: 'calling' })`). */
export function createLogger(opts: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      level: opts.level,
      base: { app: 'switchboard' },
      redact: { paths: REDACT, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    opts.destination,
  );
}
