import { allowValues, requireProperties } from './extra-rules';
import type { ValidationIssue } from './issues';
import { structuredType } from './lookup';
import type { CsdlModel } from './model';
import { validateStructured } from './validate-structured';
import type { ValidationOptions, Walk } from './walk';

/**
 * Validates an entity body for create (POST: non-nullable properties must be present) or update
 * (PATCH: any subset), e.g. `('microsoft.graph.call', body, 'create')`. Read-only properties are refused.
 */
export function validateEntityBody(
  model: CsdlModel,
  typeName: string,
  body: unknown,
  mode: 'create' | 'update',
  options: ValidationOptions = {},
): ValidationIssue[] {
  const type = structuredType(model, typeName);
  if (!type) throw new Error(`CSDL: no entity or complex type ${typeName}`);
  const walk: Walk = { model, mode, options, issues: [] };
  validateStructured(walk, body, type, '', { annotatedType: undefined, topLevel: true });
  walk.issues.push(...requireProperties(body, options.extraRequired ?? []));
  walk.issues.push(...allowValues(body, options.allowedValues ?? {}));
  return walk.issues;
}
