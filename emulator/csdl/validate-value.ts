import { checkEnum } from './enums';
import { itemPath } from './issues';
import { enumType, structuredType } from './lookup';
import { say } from './messages';
import { collectionItem } from './names';
import { checkPrimitive, isPrimitiveType } from './primitives';
import { validateStructured } from './validate-structured';
import type { Walk } from './walk';

/** How a value is declared: a property, a parameter, or an item of a collection. */
export interface Slot {
  type: string;
  nullable: boolean;
  /** Action parameters may be null collections when nullable; properties never may. */
  isParameter: boolean;
  /** Type named by a `name@odata.type` annotation next to the value, if any. */
  annotatedType?: string | undefined;
}

/** Checks one JSON value against its declared type, recording issues under `path`. */
export function validateValue(walk: Walk, value: unknown, slot: Slot, path: string): void {
  const item = collectionItem(slot.type);
  if (item !== undefined) {
    validateCollection(walk, value, slot, item, path);
    return;
  }
  if (value === null) {
    if (!slot.nullable)
      walk.issues.push({ path, code: 'NullValue', message: say.nullValue(path, slot.type) });
    return;
  }
  if (isPrimitiveType(slot.type)) {
    validatePrimitive(walk, value, slot.type, path);
    return;
  }
  const en = enumType(walk.model, slot.type);
  if (en) {
    const verdict = checkEnum(en, value);
    if (verdict.ok) return;
    if (verdict.reason === 'kind') {
      pushKindIssue(walk, value, slot.type, path);
      return;
    }
    const members = en.members.map((m) => m.name);
    const message = say.badEnum(path, verdict.part, en.name, members, verdict.caseHint);
    walk.issues.push({ path, code: 'InvalidEnumValue', message });
    return;
  }
  const st = structuredType(walk.model, slot.type);
  // A type the model does not declare cannot be checked; the service would have refused to load it.
  if (st) validateStructured(walk, value, st, path, { annotatedType: slot.annotatedType, topLevel: false });
}

function validateCollection(walk: Walk, value: unknown, slot: Slot, item: string, path: string): void {
  if (value === null) {
    if (slot.isParameter && slot.nullable) return;
    walk.issues.push({ path, code: 'NullValue', message: say.nullCollection(path, slot.type) });
    return;
  }
  if (!Array.isArray(value)) {
    walk.issues.push({ path, code: 'InvalidType', message: say.notAnArray(path, value) });
    return;
  }
  value.forEach((element, i) => {
    const itemSlot: Slot = { type: item, nullable: slot.nullable, isParameter: false };
    validateValue(walk, element, itemSlot, itemPath(path, i));
  });
}

function validatePrimitive(walk: Walk, value: unknown, type: string, path: string): void {
  const verdict = checkPrimitive(type, value, walk.options);
  if (verdict === 'ok') return;
  if (verdict === 'ieee754') {
    const asString = walk.options.ieee754Compatible === true;
    walk.issues.push({ path, code: 'InvalidType', message: say.ieee754(path, type, asString) });
    return;
  }
  if (verdict === 'kind') {
    pushKindIssue(walk, value, type, path);
    return;
  }
  walk.issues.push({ path, code: 'InvalidType', message: say.badLiteral(path, value, type) });
}

function pushKindIssue(walk: Walk, value: unknown, type: string, path: string): void {
  const message =
    value !== null && typeof value === 'object'
      ? say.notAPrimitive(path, value)
      : say.badLiteral(path, value, type);
  walk.issues.push({ path, code: 'InvalidType', message });
}
