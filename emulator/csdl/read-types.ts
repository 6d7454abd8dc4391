import type { CsdlEnumType, CsdlModel, CsdlStructuredType } from './model';
import { qualify } from './names';
import type { XmlElement } from './xml';
import { attr, children, flag, required } from './xml';

/** Reads the EntityType and ComplexType elements of one schema into the model. */
export function readStructuredTypes(model: CsdlModel, schema: XmlElement, ns: string): void {
  const kinds = [
    ['EntityType', 'entity', model.entityTypes],
    ['ComplexType', 'complex', model.complexTypes],
  ] as const;
  for (const [tag, kind, target] of kinds) {
    for (const el of children(schema, tag)) {
      const name = `${ns}.${required(el, 'Name', tag)}`;
      const base = attr(el, 'BaseType');
      const type: CsdlStructuredType = {
        kind,
        name,
        baseType: base === undefined ? undefined : qualify(base, model.namespaces),
        abstract: flag(el, 'Abstract', false),
        openType: flag(el, 'OpenType', false),
        properties: new Map(),
        navigationProperties: new Map(),
        key: children(el, 'Key').flatMap((k) =>
          children(k, 'PropertyRef').map((r) => required(r, 'Name', name)),
        ),
        derived: [],
      };
      for (const p of children(el, 'Property')) {
        const pname = required(p, 'Name', name);
        type.properties.set(pname, {
          name: pname,
          type: qualify(required(p, 'Type', `${name}/${pname}`), model.namespaces),
          nullable: flag(p, 'Nullable', true),
          readOnly: false,
          immutable: false,
        });
      }
      for (const p of children(el, 'NavigationProperty')) {
        const pname = required(p, 'Name', name);
        type.navigationProperties.set(pname, {
          name: pname,
          type: qualify(required(p, 'Type', `${name}/${pname}`), model.namespaces),
          nullable: flag(p, 'Nullable', true),
          containsTarget: flag(p, 'ContainsTarget', false),
          readOnly: false,
        });
      }
      if (model.entityTypes.has(name) || model.complexTypes.has(name)) {
        throw new Error(`CSDL: type ${name} is declared twice`);
      }
      target.set(name, type);
    }
  }
}

/** Reads the EnumType elements of one schema; members without Value count up from the previous one. */
export function readEnumTypes(model: CsdlModel, schema: XmlElement, ns: string): void {
  for (const el of children(schema, 'EnumType')) {
    const name = `${ns}.${required(el, 'Name', 'EnumType')}`;
    const isFlags = flag(el, 'IsFlags', false);
    let next = isFlags ? 1 : 0;
    const members = children(el, 'Member').map((m) => {
      const given = attr(m, 'Value');
      const value = given === undefined ? next : Number(given);
      next = value + 1;
      return { name: required(m, 'Name', name), value };
    });
    const type: CsdlEnumType = {
      name,
      isFlags,
      underlyingType: attr(el, 'UnderlyingType') ?? 'Edm.Int32',
      members,
    };
    model.enumTypes.set(name, type);
  }
}

/** Fills each structured type's list of direct subtypes once every schema has been read. */
export function linkDerivedTypes(model: CsdlModel): void {
  for (const map of [model.entityTypes, model.complexTypes]) {
    for (const type of map.values()) {
      if (type.baseType === undefined) continue;
      const base = map.get(type.baseType);
      if (!base) throw new Error(`CSDL: ${type.name} derives from unknown ${type.baseType}`);
      base.derived.push(type.name);
    }
  }
}
