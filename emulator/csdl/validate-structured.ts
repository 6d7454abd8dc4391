import { childPath } from './issues';
import {
  allProperties,
  concreteTypes,
  findNavigation,
  findProperty,
  isAssignable,
  structuredType,
  typeChain,
} from './lookup';
import { say } from './messages';
import type { CsdlStructuredType } from './model';
import { isAnnotationName, typeFromAnnotation } from './names';
import { validateValue } from './validate-value';
import type { Walk } from './walk';
import { isObject, isRelaxed } from './walk';

export interface StructuredContext {
  /** Type named by the parent's `name@odata.type`, when the value carries none itself. */
  annotatedType: string | undefined;
  /** The entity body itself (read-only, immutable and PATCH rules apply at this level). */
  topLevel: boolean;
}

/** Checks a JSON object against an entity or complex type (or the derived type its `@odata.type` names). */
export function validateStructured(
  walk: Walk,
  value: unknown,
  declared: CsdlStructuredType,
  path: string,
  ctx: StructuredContext,
): void {
  if (!isObject(value)) {
    walk.issues.push({ path, code: 'InvalidType', message: say.notAnObject(path, value, declared.name) });
    return;
  }
  const actual = actualType(walk, value, declared, path, ctx.annotatedType);
  if (!actual) return;
  for (const [key, member] of Object.entries(value)) {
    if (isAnnotationName(key)) continue;
    const memberPath = childPath(path, key);
    const typeNote = value[`${key}@odata.type`];
    const annotated =
      typeof typeNote === 'string' ? typeFromAnnotation(typeNote, walk.model.namespaces) : undefined;
    const prop = findProperty(walk.model, actual, key);
    const nav = prop ? undefined : findNavigation(walk.model, actual, key);
    if ((prop || nav) && notUpdatable(walk, ctx, key)) {
      walk.issues.push({
        path: memberPath,
        code: 'ReadOnlyProperty',
        message: say.notUpdatable(memberPath, actual.name),
      });
      continue;
    }
    if (prop) {
      if (walk.mode !== 'action' && prop.readOnly) {
        walk.issues.push({
          path: memberPath,
          code: 'ReadOnlyProperty',
          message: say.readOnly(memberPath, actual.name),
        });
      } else if (walk.mode === 'update' && ctx.topLevel && prop.immutable) {
        walk.issues.push({
          path: memberPath,
          code: 'ImmutableProperty',
          message: say.immutable(memberPath, actual.name),
        });
      } else {
        const slot = {
          type: prop.type,
          nullable: prop.nullable,
          isParameter: false,
          annotatedType: annotated,
        };
        validateValue(walk, member, slot, memberPath);
      }
      continue;
    }
    if (nav && walk.mode !== 'action' && nav.readOnly) {
      walk.issues.push({
        path: memberPath,
        code: 'ReadOnlyProperty',
        message: say.readOnly(memberPath, actual.name),
      });
    } else if (nav) {
      validateValue(walk, member, { type: nav.type, nullable: nav.nullable, isParameter: false }, memberPath);
    } else if (actual.openType) {
      validateDynamic(walk, member, memberPath, annotated);
    } else {
      walk.issues.push({
        path: memberPath,
        code: 'UnknownProperty',
        message: say.unknownProperty(key, actual.name),
      });
    }
  }
  if (!(walk.mode === 'update' && ctx.topLevel)) checkMissing(walk, value, actual, path);
}

// A declared member of the entity itself that the update's documented list leaves out.
function notUpdatable(walk: Walk, ctx: StructuredContext, key: string): boolean {
  const allowed = walk.options.updatable;
  return walk.mode === 'update' && ctx.topLevel && allowed !== undefined && !allowed.includes(key);
}

// The type the value claims through `@odata.type`, if it may stand where `declared` is expected.
function actualType(
  walk: Walk,
  value: Record<string, unknown>,
  declared: CsdlStructuredType,
  path: string,
  annotatedType: string | undefined,
): CsdlStructuredType | undefined {
  const raw = value['@odata.type'] ?? annotatedType;
  if (raw === undefined) {
    if (!declared.abstract) return declared;
    const message = say.abstractType(path, declared.name, concreteTypes(walk.model, declared));
    walk.issues.push({ path, code: 'AbstractType', message });
    return undefined;
  }
  if (typeof raw !== 'string') {
    walk.issues.push({ path, code: 'InvalidType', message: say.unknownType(path, String(raw)) });
    return undefined;
  }
  const name = typeFromAnnotation(raw, walk.model.namespaces);
  const found = structuredType(walk.model, name);
  if (!found) {
    walk.issues.push({ path, code: 'UnknownType', message: say.unknownType(path, name) });
    return undefined;
  }
  if (!isAssignable(walk.model, found, declared)) {
    walk.issues.push({
      path,
      code: 'IncompatibleType',
      message: say.incompatibleType(path, name, declared.name),
    });
    return undefined;
  }
  if (found.abstract) {
    walk.issues.push({
      path,
      code: 'AbstractType',
      message: say.abstractType(path, name, concreteTypes(walk.model, found)),
    });
    return undefined;
  }
  return found;
}

// A member that an open type does not declare is free-form unless it names its own type.
function validateDynamic(walk: Walk, value: unknown, path: string, annotated: string | undefined): void {
  const own = isObject(value) && typeof value['@odata.type'] === 'string' ? value['@odata.type'] : undefined;
  const typeName = own !== undefined ? typeFromAnnotation(own, walk.model.namespaces) : annotated;
  if (typeName === undefined) return;
  const st = structuredType(walk.model, typeName);
  if (st) {
    validateStructured(walk, value, st, path, { annotatedType: undefined, topLevel: false });
    return;
  }
  if (
    typeName.startsWith('Edm.') ||
    typeName.startsWith('Collection(') ||
    walk.model.enumTypes.has(typeName)
  ) {
    validateValue(walk, value, { type: typeName, nullable: true, isParameter: false }, path);
    return;
  }
  walk.issues.push({ path, code: 'UnknownType', message: say.unknownType(path, typeName) });
}

// Non-nullable single-valued properties must be given; keys and computed ones are the service's to set,
// and an absent collection is an empty one.
function checkMissing(
  walk: Walk,
  value: Record<string, unknown>,
  type: CsdlStructuredType,
  path: string,
): void {
  const keys = new Set(typeChain(walk.model, type).flatMap((t) => t.key));
  for (const prop of allProperties(walk.model, type)) {
    if (prop.nullable || prop.readOnly || keys.has(prop.name) || prop.type.startsWith('Collection('))
      continue;
    if (prop.name in value) continue;
    const memberPath = childPath(path, prop.name);
    if (isRelaxed(walk, memberPath)) continue;
    walk.issues.push({
      path: memberPath,
      code: 'MissingProperty',
      message: say.missingProperty(memberPath, type.name),
    });
  }
}
