import { allowValues, requireProperties } from './extra-rules';
import type { ValidationIssue } from './issues';
import { findAction } from './lookup';
import { say } from './messages';
import type { CsdlModel } from './model';
import { isAnnotationName, typeFromAnnotation } from './names';
import { validateValue } from './validate-value';
import type { ValidationOptions, Walk } from './walk';
import { isObject, isRelaxed } from './walk';

/**
 * Validates the JSON body of a bound action, e.g. `('microsoft.graph.call', 'answer', body)` or
 * `('Collection(microsoft.graph.participant)', 'invite', body)`. An absent body counts as `{}`.
 */
export function validateActionBody(
  model: CsdlModel,
  bindingType: string,
  action: string,
  body: unknown,
  options: ValidationOptions = {},
): ValidationIssue[] {
  const op = findAction(model, bindingType, action);
  if (!op) return [{ path: '', code: 'UnknownAction', message: say.unknownAction(action, bindingType) }];
  const walk: Walk = { model, mode: 'action', options, issues: [] };
  const params = body === undefined || body === null || body === '' ? {} : body;
  if (!isObject(params)) {
    const message = say.notAnObject('', params, `parameters of ${op.namespace}.${op.name}`);
    return [{ path: '', code: 'InvalidType', message }];
  }
  for (const [key, value] of Object.entries(params)) {
    if (isAnnotationName(key)) continue;
    const param = op.parameters.find((p) => p.name === key);
    if (!param) {
      walk.issues.push({ path: key, code: 'UnknownParameter', message: say.unknownParameter(key, op.name) });
      continue;
    }
    const note = params[`${key}@odata.type`];
    const annotatedType = typeof note === 'string' ? typeFromAnnotation(note, model.namespaces) : undefined;
    validateValue(
      walk,
      value,
      { type: param.type, nullable: param.nullable, isParameter: true, annotatedType },
      key,
    );
  }
  const missing = op.parameters
    .filter((p) => !p.nullable && !p.optional && !(p.name in params) && !isRelaxed(walk, p.name))
    .map((p) => p.name);
  const extra = options.extraRequired ?? [];
  const topLevelExtra = extra.filter((p) => /^[^.[]+$/.test(p) && !(p in params) && !missing.includes(p));
  const allMissing = [...missing, ...topLevelExtra];
  // One issue per missing parameter, each worded as the whole list, as the service reports them at once.
  for (const name of allMissing) {
    walk.issues.push({
      path: name,
      code: 'MissingParameter',
      message: say.missingParameters(allMissing, op.name),
    });
  }
  walk.issues.push(
    ...requireProperties(
      params,
      extra.filter((p) => !/^[^.[]+$/.test(p)),
    ),
  );
  walk.issues.push(...allowValues(params, options.allowedValues ?? {}));
  return walk.issues;
}
