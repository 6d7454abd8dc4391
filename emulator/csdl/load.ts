import { XMLParser } from 'fast-xml-parser';
import type { CsdlModel } from './model';
import { readActions } from './read-actions';
import { readAnnotations } from './read-annotations';
import { CsdlFileError, readCsdlText } from './read-file';
import { readEnumTypes, readStructuredTypes, linkDerivedTypes } from './read-types';
import type { XmlElement } from './xml';
import { children } from './xml';

// Every element becomes an array of objects whose attributes are plain string members, so that the
// readers never need to tell "one child" from "several children".
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  parseAttributeValue: false,
  parseTagValue: false,
  ignoreDeclaration: true,
});

/** Parses the CSDL file (plain or gzipped) once into a model of types, enums and actions. */
export function loadCsdl(path: string): CsdlModel {
  const started = performance.now();
  const doc = parser.parse(readCsdlText(path)) as XmlElement;
  const edmx = children(doc, 'edmx:Edmx')[0];
  const services = edmx ? children(edmx, 'edmx:DataServices')[0] : undefined;
  const schemas = services ? children(services, 'Schema') : [];
  if (schemas.length === 0)
    throw new CsdlFileError(
      `${path}: no edmx:Edmx/edmx:DataServices/Schema element; set EMULATOR_CSDL to a Graph v1.0 CSDL file`,
    );

  const namespaces = new Map<string, string>();
  for (const schema of schemas) {
    const ns = schema.Namespace;
    if (typeof ns !== 'string') throw new Error(`${path}: a Schema without Namespace`);
    namespaces.set(ns, ns);
    if (typeof schema.Alias === 'string') namespaces.set(schema.Alias, ns);
  }

  const model: CsdlModel = {
    source: path,
    namespaces,
    entityTypes: new Map(),
    complexTypes: new Map(),
    enumTypes: new Map(),
    actions: new Map(),
    stats: { schemas: schemas.length, entityTypes: 0, complexTypes: 0, enumTypes: 0, actions: 0, loadMs: 0 },
  };
  for (const schema of schemas) {
    const ns = schema.Namespace as string;
    readStructuredTypes(model, schema, ns);
    readEnumTypes(model, schema, ns);
    readActions(model, schema, ns);
  }
  for (const schema of schemas) readAnnotations(model, schema);
  linkDerivedTypes(model);

  model.stats.entityTypes = model.entityTypes.size;
  model.stats.complexTypes = model.complexTypes.size;
  model.stats.enumTypes = model.enumTypes.size;
  model.stats.actions = [...model.actions.values()].reduce((n, list) => n + list.length, 0);
  model.stats.loadMs = Math.round(performance.now() - started);
  return model;
}
