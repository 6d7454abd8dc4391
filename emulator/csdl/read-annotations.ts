import type { CsdlModel, CsdlNavigationProperty, CsdlProperty } from './model';
import { qualify } from './names';
import type { XmlElement } from './xml';
import { attr, childTexts, children } from './xml';

const COMPUTED = 'Org.OData.Core.V1.Computed';
const IMMUTABLE = 'Org.OData.Core.V1.Immutable';
const PERMISSIONS = 'Org.OData.Core.V1.Permissions';
const READ_ONLY = 'Org.OData.Core.V1.Permission/Read';

/** Applies out-of-line `Annotations Target="Type/property"` that make a property read-only or immutable. */
export function readAnnotations(model: CsdlModel, schema: XmlElement): void {
  for (const group of children(schema, 'Annotations')) {
    const target = attr(group, 'Target');
    if (target === undefined || target.includes('(')) continue;
    const slash = target.indexOf('/');
    if (slash < 0) continue;
    const property = findProperty(
      model,
      qualify(target.slice(0, slash), model.namespaces),
      target.slice(slash + 1),
    );
    if (!property) continue;
    for (const a of children(group, 'Annotation')) {
      const term = attr(a, 'Term');
      if (term === COMPUTED && attr(a, 'Bool') !== 'false') property.readOnly = true;
      if (term === IMMUTABLE && attr(a, 'Bool') !== 'false' && 'immutable' in property)
        property.immutable = true;
      if (term === PERMISSIONS && permissionsAreReadOnly(a)) property.readOnly = true;
    }
  }
}

function findProperty(
  model: CsdlModel,
  typeName: string,
  name: string,
): CsdlProperty | CsdlNavigationProperty | undefined {
  const type = model.entityTypes.get(typeName) ?? model.complexTypes.get(typeName);
  return type?.properties.get(name) ?? type?.navigationProperties.get(name);
}

// Permissions is a flags value written as EnumMember text; only "Read" alone means read-only.
function permissionsAreReadOnly(annotation: XmlElement): boolean {
  const members = childTexts(annotation, 'EnumMember');
  const inline = attr(annotation, 'EnumMember');
  const all = [...members, ...(inline ? [inline] : [])].join(' ').trim().split(/\s+/);
  return all.length === 1 && all[0] === READ_ONLY;
}
