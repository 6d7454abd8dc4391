// Field-by-field shape comparison of a JSON value against a "twin" (an example payload): same key paths,
// same JSON kinds, same @odata.type values. Values themselves (ids, times, text) are free to differ.

export interface CompareShapeOptions {
  /**
   * Key paths to leave out, e.g. `resourceData.resultInfo.subcode`. Array indices may be written `[]` to
   * mean any element (`resourceData[].info.region`); a path also covers everything beneath it.
   */
  ignore?: string[];
  /**
   * How an actual array's elements are compared. `first` (default): each against the twin's first
   * element. `best`: each against whichever twin element it differs from least (for arrays whose
   * examples show several legitimate element shapes, such as a roster of a user and a bot).
   */
  arrays?: 'first' | 'best';
}

type Kind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array' | 'undefined';

function kindOf(v: unknown): Kind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean' || t === 'object' || t === 'undefined') return t;
  return 'undefined';
}

function join(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

function ignored(path: string, ignore: string[]): boolean {
  const anyIndex = path.replace(/\[\d+\]/g, '[]');
  return ignore.some((p) =>
    [path, anyIndex].some((x) => x === p || x.startsWith(`${p}.`) || x.startsWith(`${p}[`)),
  );
}

function walk(
  actual: unknown,
  twin: unknown,
  path: string,
  opts: Required<CompareShapeOptions>,
  out: string[],
) {
  if (path !== '' && ignored(path, opts.ignore)) return;
  const where = path === '' ? '(root)' : path;
  const ka = kindOf(actual);
  const kt = kindOf(twin);
  if (ka !== kt) {
    out.push(ka === 'undefined' ? `${where}: missing` : `${where}: ${ka} where the twin has ${kt}`);
    return;
  }
  if (kt === 'array') {
    const a = actual as unknown[];
    const t = twin as unknown[];
    if (t.length === 0) return; // nothing to say what the elements look like
    a.forEach((el, i) => out.push(...elementDiffs(el, t, `${path}[${i}]`, opts)));
    return;
  }
  if (kt !== 'object') return;
  const a = actual as Record<string, unknown>;
  const t = twin as Record<string, unknown>;
  for (const key of Object.keys(t)) {
    const sub = join(path, key);
    if (ignored(sub, opts.ignore)) continue;
    if (!(key in a)) {
      out.push(`${sub}: missing`);
      continue;
    }
    if (key === '@odata.type' && a[key] !== t[key]) {
      out.push(`${sub}: ${JSON.stringify(a[key])} where the twin has ${JSON.stringify(t[key])}`);
      continue;
    }
    walk(a[key], t[key], sub, opts, out);
  }
  for (const key of Object.keys(a)) {
    const sub = join(path, key);
    // An undefined value vanishes when serialised, so it is not an extra key on the wire.
    if (!(key in t) && a[key] !== undefined && !ignored(sub, opts.ignore))
      out.push(`${sub}: not in the twin`);
  }
}

function elementDiffs(
  el: unknown,
  twins: unknown[],
  path: string,
  opts: Required<CompareShapeOptions>,
): string[] {
  const candidates = opts.arrays === 'best' ? twins : twins.slice(0, 1);
  let best: string[] | undefined;
  for (const t of candidates) {
    const diffs: string[] = [];
    walk(el, t, path, opts, diffs);
    if (!best || diffs.length < best.length) best = diffs;
    if (diffs.length === 0) break;
  }
  return best ?? [];
}

/** Differences between actual and its twin, one readable line each (e.g. `resourceData.resultInfo.subcode: missing`); [] when the shapes match. */
export function compareShape(actual: unknown, twin: unknown, opts: CompareShapeOptions = {}): string[] {
  const out: string[] = [];
  walk(actual, twin, '', { ignore: opts.ignore ?? [], arrays: opts.arrays ?? 'first' }, out);
  return out;
}
