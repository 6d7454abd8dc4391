// OData system query options as these resources read them: $select (checked against the CSDL type),
// $top, and $expand with nested options (`sessions($expand=segments)`).
import type { CsdlModel } from '../csdl';
import { allProperties, findNavigation, structuredType, typeChain } from '../csdl';
import { GraphError } from '../http';

/** One $expand item with what it expands in turn. */
export interface ExpandItem {
  name: string;
  expand: ExpandItem[];
}

const noProperty = (name: string, type: string): GraphError =>
  new GraphError(400, 'BadRequest', `Could not find a property named '${name}' on type '${type}'.`);

/** Splits on commas that are not inside parentheses. */
function splitTop(src: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charAt(i);
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(src.slice(start, i));
      start = i + 1;
    }
  }
  out.push(src.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Parses `$expand`: names with optional `($expand=...)`; navigation names are checked against the type. */
export function parseExpand(raw: string | null, model: CsdlModel, typeName: string): ExpandItem[] {
  if (raw === null || raw.trim() === '') return [];
  const type = structuredType(model, typeName);
  return splitTop(raw).map((part) => {
    const m = /^([\w.]+)\s*(?:\((.*)\))?$/s.exec(part);
    if (!m) throw new GraphError(400, 'BadRequest', `Invalid $expand clause '${part}'.`);
    const name = m[1] as string;
    const nav = type
      ? typeChain(model, type)
          .flatMap((t) => [...t.navigationProperties.values()])
          .find((n) => n.name.toLowerCase() === name.toLowerCase())
      : undefined;
    if (!nav) throw noProperty(name, typeName);
    const inner = m[2] ?? '';
    const sub = /^\s*\$expand\s*=\s*(.*)$/is.exec(inner);
    if (inner.trim() !== '' && !sub)
      throw new GraphError(400, 'BadRequest', `Only $expand is supported inside $expand=${name}(...).`);
    const itemType = nav.type.replace(/^Collection\((.*)\)$/, '$1');
    return { name: nav.name, expand: sub ? parseExpand(sub[1] ?? '', model, itemType) : [] };
  });
}

/** Parses `$select` into the type's property names (case-insensitive); undefined when absent. */
export function parseSelect(raw: string | null, model: CsdlModel, typeName: string): string[] | undefined {
  if (raw === null) return undefined;
  const type = structuredType(model, typeName);
  const props = type ? allProperties(model, type).map((p) => p.name) : [];
  return splitTop(raw).map((name) => {
    const known =
      props.find((p) => p.toLowerCase() === name.toLowerCase()) ??
      (type ? findNavigation(model, type, name)?.name : undefined);
    if (!known) throw noProperty(name, typeName);
    return known;
  });
}

/** Keeps the selected members (and `id`, which Graph always returns). */
export function applySelect(
  obj: Record<string, unknown>,
  select: string[] | undefined,
): Record<string, unknown> {
  if (!select) return obj;
  const out: Record<string, unknown> = {};
  for (const name of select) out[name] = obj[name] ?? null;
  if (!('id' in out) && 'id' in obj) out.id = obj.id;
  return out;
}

/** `$top` as a whole number within [1, max]; undefined when absent. */
export function parseTop(raw: string | null, max: number): number | undefined {
  if (raw === null) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > max)
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      `Invalid page size specified: '${raw}'. Must be between 1 and ${max} inclusive.`,
    );
  return n;
}

/** A query option by name, ignoring case and an absent `$` (Graph accepts `select=` too). */
export function queryOption(query: URLSearchParams, name: string): string | null {
  const want = name.replace(/^\$/, '').toLowerCase();
  for (const [k, v] of query) if (k.replace(/^\$/, '').toLowerCase() === want) return v;
  return null;
}
