import type { ValidationIssue } from './issues';
import type { CsdlModel } from './model';
import type { PrimitiveOptions } from './primitives';

/** Options of the validate functions; all optional. */
export interface ValidationOptions extends PrimitiveOptions {
  /**
   * Paths that must be present although the CSDL lets them be absent (what the docs call required),
   * e.g. `['acceptedModalities']` or `['targets[].identity.user']`; `[]` stands for every item.
   */
  extraRequired?: readonly string[];
  /** Paths the CSDL marks non-nullable that may still be left out, e.g. `['callbackUri']` for answer. */
  relaxRequired?: readonly string[];
  /** Allowed values of properties the CSDL types as plain strings, e.g. `{ availability: [...] }`. */
  allowedValues?: Readonly<Record<string, readonly string[]>>;
  /**
   * On update, the declared top-level properties the docs let a PATCH set, where the CSDL marks none
   * read-only (onlineMeeting); every other declared property of the entity is refused as read-only.
   */
  updatable?: readonly string[];
}

/** State shared while one body is walked. */
export interface Walk {
  model: CsdlModel;
  /** `create`/`update` for entity bodies (read-only rules apply), `action` for parameters. */
  mode: 'create' | 'update' | 'action';
  options: ValidationOptions;
  issues: ValidationIssue[];
}

/** A path with its array indices blanked (`targets[2].identity` → `targets[].identity`), for option matching. */
export function pathPattern(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** True when the options let the member at `path` be left out despite Nullable="false". */
export function isRelaxed(walk: Walk, path: string): boolean {
  return walk.options.relaxRequired?.includes(pathPattern(path)) ?? false;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
