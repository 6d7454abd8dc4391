// Type-name spelling: aliases, `Collection(...)`, and the `#` that JSON payloads put before a type.

const COLLECTION = /^Collection\((.+)\)$/;

/** The item type of `Collection(X)`, or undefined when the name is not a collection. */
export function collectionItem(typeName: string): string | undefined {
  return COLLECTION.exec(typeName)?.[1];
}

/** Replaces a leading alias (or namespace) with its namespace: `graph.call` → `microsoft.graph.call`. */
export function qualify(typeName: string, namespaces: ReadonlyMap<string, string>): string {
  const item = collectionItem(typeName);
  if (item !== undefined) return `Collection(${qualify(item, namespaces)})`;
  if (typeName.startsWith('Edm.')) return typeName;
  const dot = typeName.lastIndexOf('.');
  if (dot < 0) return typeName;
  const prefix = typeName.slice(0, dot);
  const ns = namespaces.get(prefix);
  return ns === undefined ? typeName : `${ns}${typeName.slice(dot)}`;
}

/** Reads an `@odata.type` value: drops the leading `#` and resolves an alias. */
export function typeFromAnnotation(value: string, namespaces: ReadonlyMap<string, string>): string {
  const bare = value.startsWith('#') ? value.slice(1) : value;
  return qualify(bare, namespaces);
}

/** True for a JSON member name that is an annotation (`@odata.type`, `x@odata.bind`, `odata.etag`). */
export function isAnnotationName(key: string): boolean {
  return key.includes('@') || key.startsWith('odata.');
}

/** Short text of a JSON value for messages (strings unquoted, long values cut). */
export function literal(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
