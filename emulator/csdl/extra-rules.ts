// Rules the docs state but the CSDL does not: properties the docs call required though the CSDL marks
// them nullable, and string properties whose documented values the CSDL does not list as an enum.
// Paths use `.` between members and `[]` for every item of an array: `targets[].identity`.
import type { ValidationIssue } from './issues';
import { childPath, itemPath, named } from './issues';
import { say } from './messages';
import { isObject } from './walk';

interface Found {
  path: string;
  present: boolean;
  value: unknown;
}

/**
 * Walks `pattern` through `body`. A step `x[]` stands for each item of the array `x`. Only the last
 * step is reported when absent: an absent parent is some other rule's business.
 */
function resolve(body: unknown, pattern: string): Found[] {
  let frontier: Found[] = [{ path: '', present: true, value: body }];
  for (const step of pattern.split('.').filter((s) => s !== '')) {
    const spread = step.endsWith('[]');
    const name = spread ? step.slice(0, -2) : step;
    const next: Found[] = [];
    for (const f of frontier) {
      if (!f.present || !isObject(f.value)) continue;
      const value = f.value[name];
      const here: Found = { path: childPath(f.path, name), present: value !== undefined, value };
      if (!spread || !here.present) next.push(here);
      else if (Array.isArray(value))
        value.forEach((v, i) => next.push({ path: itemPath(here.path, i), present: true, value: v }));
    }
    frontier = next;
  }
  return frontier;
}

/** Issues for each path of `paths` that is absent (or null) in `body`; `code` names the issue kind. */
export function requireProperties(
  body: unknown,
  paths: readonly string[],
  code: 'MissingProperty' | 'MissingParameter' = 'MissingProperty',
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const pattern of paths) {
    for (const f of resolve(body, pattern)) {
      if (f.present && f.value !== null) continue;
      const message = `The property ${named(f.path)} is required by the documented API but was not found in the request payload.`;
      issues.push({ path: f.path, code, message });
    }
  }
  return issues;
}

/** Issues for each string at a path of `allowed` whose value is not one of the listed ones. */
export function allowValues(
  body: unknown,
  allowed: Readonly<Record<string, readonly string[]>>,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const [pattern, values] of Object.entries(allowed)) {
    for (const f of resolve(body, pattern)) {
      if (!f.present || f.value === null || typeof f.value !== 'string') continue;
      if (!values.includes(f.value)) {
        issues.push({
          path: f.path,
          code: 'InvalidEnumValue',
          message: say.notAllowed(f.path, f.value, values),
        });
      }
    }
  }
  return issues;
}
