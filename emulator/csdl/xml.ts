// Helpers over the parsed XML tree: an element is an object whose string members are attributes and
// whose array members are child elements.

export interface XmlElement {
  [key: string]: string | (XmlElement | string)[] | undefined;
}

/** Child elements with a given tag (empty when there are none); text-only children are skipped. */
export function children(element: XmlElement, tag: string): XmlElement[] {
  const value = element[tag];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is XmlElement => typeof v === 'object');
}

/** The texts of text-only child elements with a given tag, e.g. `<EnumMember>x</EnumMember>`. */
export function childTexts(element: XmlElement, tag: string): string[] {
  const value = element[tag];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'string' ? v : String(v['#text'] ?? '')));
}

/** An attribute's value, or undefined. */
export function attr(element: XmlElement, name: string): string | undefined {
  const value = element[name];
  return typeof value === 'string' ? value : undefined;
}

/** A CSDL boolean facet (`Nullable`, `Abstract`, ...) with its default when absent. */
export function flag(element: XmlElement, name: string, fallback: boolean): boolean {
  const value = attr(element, name);
  return value === undefined ? fallback : value === 'true';
}

/** An attribute that must be present. */
export function required(element: XmlElement, name: string, where: string): string {
  const value = attr(element, name);
  if (value === undefined) throw new Error(`CSDL: ${where} has no ${name} attribute`);
  return value;
}
