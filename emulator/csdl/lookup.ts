import type {
  CsdlAction,
  CsdlEnumType,
  CsdlModel,
  CsdlNavigationProperty,
  CsdlProperty,
  CsdlStructuredType,
} from './model';
import { collectionItem, qualify } from './names';

/** An entity or complex type by (possibly aliased) name. */
export function structuredType(model: CsdlModel, name: string): CsdlStructuredType | undefined {
  const q = qualify(name, model.namespaces);
  return model.entityTypes.get(q) ?? model.complexTypes.get(q);
}

/** An enum type by (possibly aliased) name. */
export function enumType(model: CsdlModel, name: string): CsdlEnumType | undefined {
  return model.enumTypes.get(qualify(name, model.namespaces));
}

/** Member names of an enum type, in declaration order; throws for an unknown enum. */
export function enumMembers(model: CsdlModel, name: string): string[] {
  const type = enumType(model, name);
  if (!type) throw new Error(`CSDL: no enum type ${name}`);
  return type.members.map((m) => m.name);
}

/** The type and its base types, most derived first. */
export function typeChain(model: CsdlModel, type: CsdlStructuredType): CsdlStructuredType[] {
  const chain: CsdlStructuredType[] = [];
  for (
    let t: CsdlStructuredType | undefined = type;
    t;
    t = t.baseType ? structuredType(model, t.baseType) : undefined
  ) {
    chain.push(t);
  }
  return chain;
}

/** A structural property declared on the type or one of its bases. */
export function findProperty(
  model: CsdlModel,
  type: CsdlStructuredType,
  name: string,
): CsdlProperty | undefined {
  for (const t of typeChain(model, type)) {
    const p = t.properties.get(name);
    if (p) return p;
  }
  return undefined;
}

/** A navigation property declared on the type or one of its bases. */
export function findNavigation(
  model: CsdlModel,
  type: CsdlStructuredType,
  name: string,
): CsdlNavigationProperty | undefined {
  for (const t of typeChain(model, type)) {
    const p = t.navigationProperties.get(name);
    if (p) return p;
  }
  return undefined;
}

/** Every structural property of the type, inherited ones included. */
export function allProperties(model: CsdlModel, type: CsdlStructuredType): CsdlProperty[] {
  return typeChain(model, type).flatMap((t) => [...t.properties.values()]);
}

/** True when `derived` is `base` or inherits from it. */
export function isAssignable(
  model: CsdlModel,
  derived: CsdlStructuredType,
  base: CsdlStructuredType,
): boolean {
  return typeChain(model, derived).some((t) => t.name === base.name);
}

/** Names of the non-abstract types that may stand where `type` is declared (itself included). */
export function concreteTypes(model: CsdlModel, type: CsdlStructuredType): string[] {
  const out: string[] = [];
  const visit = (t: CsdlStructuredType): void => {
    if (!t.abstract) out.push(t.name);
    for (const d of t.derived) {
      const dt = structuredType(model, d);
      if (dt) visit(dt);
    }
  };
  visit(type);
  return out;
}

/**
 * The action `name` bound to `bindingType` (e.g. `microsoft.graph.call` or
 * `Collection(microsoft.graph.participant)`), also when it is bound to a base type of it.
 */
export function findAction(model: CsdlModel, bindingType: string, name: string): CsdlAction | undefined {
  const candidates = model.actions.get(name.slice(name.lastIndexOf('.') + 1)) ?? [];
  const wanted = qualify(bindingType, model.namespaces);
  const wantedItem = collectionItem(wanted);
  const wantedType = structuredType(model, wantedItem ?? wanted);
  const bases = wantedType ? typeChain(model, wantedType).map((t) => t.name) : [wantedItem ?? wanted];
  for (const base of bases) {
    const spelled = wantedItem === undefined ? base : `Collection(${base})`;
    const hit = candidates.find((a) => a.isBound && a.bindingType === spelled);
    if (hit) return hit;
  }
  return undefined;
}
