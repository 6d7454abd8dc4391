import type { ValidationIssue } from './issues';

/** The `error` member of a Graph 400 body, less the `innerError` the HTTP layer adds. */
export interface FormattedError {
  code: string;
  message: string;
  /** Path of the first issue, as OData errors name a `target`. */
  target?: string;
  /** Every issue, for clients that read past the first. */
  details: { code: string; message: string; target: string }[];
}

/** Formats issues into the Graph 400 error: code BadRequest, the first issue's message. */
export function formatIssues(issues: ValidationIssue[]): FormattedError {
  const details = issues.map((i) => ({ code: i.code, message: i.message, target: i.path }));
  const first = issues[0];
  if (!first) return { code: 'BadRequest', message: 'Invalid request body.', details };
  return { code: 'BadRequest', message: first.message, target: first.path, details };
}
