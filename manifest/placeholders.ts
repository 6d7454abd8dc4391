// `${{NAME}}` placeholders in the manifest template (the Teams Toolkit convention), filled from the
// environment. Substitution walks the parsed JSON so every gap can be reported with the field it is in.
import type { Problem } from './problems';

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The substituted document and, for every field that held a placeholder, the variables it used. */
export interface Substituted {
  readonly value: unknown;
  /** JSON path (`bots[0].botId`) → variable names used there. */
  readonly origins: ReadonlyMap<string, readonly string[]>;
  /** One problem per unset variable, naming the fields that need it. */
  readonly problems: readonly Problem[];
}

/** `a.b[0].c` style path for error messages. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Replaces `${{NAME}}` in every string value of `doc` with `vars[NAME]`; unset or empty names are problems.
 * `derivedFrom` maps a derived variable to the ones a person sets (PUBLIC_HOST → PUBLIC_URL): an unset
 * derived variable is reported as the first of those that is unset.
 */
export function substitute(
  doc: unknown,
  vars: Readonly<Record<string, string | undefined>>,
  derivedFrom: Readonly<Record<string, readonly string[]>> = {},
): Substituted {
  const origins = new Map<string, string[]>();
  const missing = new Map<string, string[]>();

  const visit = (node: unknown, at: string): unknown => {
    if (typeof node === 'string') {
      const used: string[] = [];
      const out = node.replace(PLACEHOLDER, (whole, name: string) => {
        used.push(name);
        const v = vars[name];
        if (v === undefined || v === '') {
          const owner = derivedFrom[name]?.find((v) => !vars[v]) ?? name;
          if (!missing.get(owner)?.includes(at)) missing.set(owner, [...(missing.get(owner) ?? []), at]);
          return whole;
        }
        return v;
      });
      if (used.length) origins.set(at, used);
      return out;
    }
    if (Array.isArray(node)) return node.map((item, i) => visit(item, joinPath(at, i)));
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v, joinPath(at, k))]));
    return node;
  };

  const value = visit(doc, '');
  const problems = [...missing].map(([name, fields]) => ({
    field: name,
    message: `is not set but the manifest needs it (${fields.join(', ')}); set it in the environment, .env or env/.env.<SWITCHBOARD_ENV>`,
  }));
  return { value, origins, problems };
}
