// Request validation: the CSDL (unknown properties, missing parameters, wrong types, bad enum values)
// first, then the rules the documentation states that the CSDL cannot express.
import type { CsdlModel, ValidationIssue, ValidationOptions } from '../csdl';
import { allProperties, formatIssues, structuredType, validateActionBody, validateEntityBody } from '../csdl';
import { GraphError } from '../http';

const BINDING = {
  call: 'microsoft.graph.call',
  participant: 'microsoft.graph.participant',
  participants: 'Collection(microsoft.graph.participant)',
} as const;

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
export function invalid(path: string, message: string): GraphError {
  return new GraphError(
    400,
    'BadRequest',
    message,
    {},
    { target: path, details: [{ code: 'InvalidValue', message, target: path }] },
  );
}

/** CSDL validation of the Graph request bodies the call engine accepts. */
export class GraphValidator {
  constructor(private readonly model: CsdlModel) {}

  /** Validates a bound action's body (`call`, `participant` or `participants` binding). */
  action(
    binding: keyof typeof BINDING,
    action: string,
    body: unknown,
    options: ValidationOptions = {},
  ): void {
    throwIssues(validateActionBody(this.model, BINDING[binding], action, body, options));
  }

  /**
   * Validates the body of POST /communications/calls. `call` is an open type in the CSDL, but the
   * calling service acts on declared members only, so an undeclared top-level member is refused rather
   * than silently ignored.
   */
  createCall(body: unknown): void {
    const issues = validateEntityBody(this.model, 'microsoft.graph.call', body, 'create', {
      extraRequired: ['requestedModalities', 'mediaConfig'],
    });
    const type = structuredType(this.model, 'microsoft.graph.call');
    if (type && body !== null && typeof body === 'object') {
      const known = new Set(['id', ...allProperties(this.model, type).map((p) => p.name)]);
      for (const key of Object.keys(body)) {
        if (key.includes('@') || known.has(key)) continue;
        issues.unshift({
          path: key,
          code: 'UnknownProperty',
          message: `The property '${key}' does not exist on type 'microsoft.graph.call'. Make sure to only use property names that are defined by the type.`,
        });
      }
    }
    throwIssues(issues);
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** callbackUri: https anywhere, or plain http to a loopback address (local development). */
export function checkCallbackUri(value: unknown, path = 'callbackUri'): string {
  if (typeof value !== 'string' || value === '')
    throw invalid(path, `'${path}' is required and must be an absolute https URL.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(path, `'${path}' must be an absolute URL; '${value}' is not one.`);
  }
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!ok)
    throw invalid(
      path,
      `'${path}' must use https (plain http is accepted only for a loopback address); got '${value}'.`,
    );
  return value;
}

/** clientContext: at most 256 characters. */
export function checkClientContext(body: Record<string, unknown>): void {
  const v = body.clientContext;
  if (typeof v === 'string' && v.length > 256)
    throw invalid('clientContext', `'clientContext' is ${v.length} characters long; the maximum is 256.`);
}

/** An integer parameter within [min, max] (inclusive), or its default when absent. */
export function intInRange(
  body: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  const v = body[name];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalid(name, `'${name}' must be a whole number from ${min} to ${max}; got ${JSON.stringify(v)}.`);
  }
  return v;
}

/** An array parameter with a length within [min, max]. */
export function arrayOfLength(
  body: Record<string, unknown>,
  name: string,
  min: number,
  max: number,
): unknown[] {
  const v = body[name];
  const arr = Array.isArray(v) ? v : [];
  if (arr.length < min || arr.length > max) {
    const range = min === max ? `exactly ${min}` : `from ${min} to ${max}`;
    throw invalid(name, `'${name}' must have ${range} entries; it has ${arr.length}.`);
  }
  return arr;
}
