import { AppError } from './app-error';

/** The one line a process entry prints when start-up fails: what went wrong and what to do, no stack. */
export function startFailureLine(err: unknown): string {
  if (err instanceof AppError && err.code === 'config_invalid')
    return `switchboard: configuration error: ${err.message}`;
  return `switchboard: failed to start: ${err instanceof Error ? err.message : String(err)}`;
}
