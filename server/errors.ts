// Anything thrown, as an AppError. Kept apart from app-error.ts because it needs the calling package at run time.
import { isCallingError } from '../calling';
import { AppError } from './app-error';

export { AppError, errorBody, httpStatusOf, type AppErrorCode } from './app-error';

/** Normalises anything thrown into an AppError without leaking internals into its message. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  // The calling module speaks the same vocabulary; its messages already say what to do.
  if (isCallingError(err)) return new AppError(err.code, err.message, { ...err.details }, { cause: err });
  return new AppError(
    'internal',
    'Something went wrong on our side; the details are in the server log.',
    undefined,
    {
      cause: err,
    },
  );
}
