// CSDL validation issues turned into Graph's 400 (code BadRequest, the first issue's message, every
// issue in `details`), and single-property 400s in the same shape.
import type { ValidationIssue } from '../csdl';
import { formatIssues } from '../csdl';
import { GraphError } from '../http';

/** Throws the Graph 400 for a list of issues (no-op when empty). */
export function throwIssues(issues: ValidationIssue[]): void {
  if (issues.length === 0) return;
  const f = formatIssues(issues);
  throw new GraphError(
    400,
    f.code,
    f.message,
    {},
    { ...(f.target ? { target: f.target } : {}), details: f.details },
  );
}

/** A 400 naming one property. */
export function invalidProperty(path: string, message: string, code = 'BadRequest'): GraphError {
  return new GraphError(
    400,
    code,
    message,
    {},
    { target: path, details: [{ code: 'InvalidValue', message, target: path }] },
  );
}
