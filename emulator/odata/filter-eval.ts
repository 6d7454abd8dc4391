// Evaluating a parsed $filter against a JSON view of an item. Property names and string comparisons
// are case-insensitive, as the directory's are (a user principal name matches in any case).
import type { FilterNode, Literal } from './filter-parse';

type Scope = Record<string, unknown>;

function member(obj: unknown, name: string): unknown {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
  const key = Object.keys(obj).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : (obj as Record<string, unknown>)[key];
}

function resolve(path: string, item: unknown, scope: Scope): unknown {
  const [head, ...rest] = path.split('/');
  let value: unknown = head !== undefined && head in scope ? scope[head] : member(item, head ?? '');
  for (const part of rest) value = member(value, part);
  return value;
}

function same(a: unknown, b: Literal): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (a === undefined) return b === null;
  return a === b;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v.toLowerCase() : undefined;
}

function run(node: FilterNode, item: unknown, scope: Scope): boolean {
  switch (node.kind) {
    case 'and':
      return run(node.left, item, scope) && run(node.right, item, scope);
    case 'or':
      return run(node.left, item, scope) || run(node.right, item, scope);
    case 'not':
      return !run(node.operand, item, scope);
    case 'cmp': {
      const v = resolve(node.path, item, scope);
      return node.op === 'eq' ? same(v, node.value) : !same(v, node.value);
    }
    case 'in': {
      const v = resolve(node.path, item, scope);
      return node.values.some((x) => same(v, x));
    }
    case 'fn': {
      const v = text(resolve(node.path, item, scope));
      const want = node.value.toLowerCase();
      if (v === undefined) return false;
      if (node.name === 'startswith') return v.startsWith(want);
      if (node.name === 'endswith') return v.endsWith(want);
      return v.includes(want);
    }
    case 'any': {
      const list = resolve(node.path, item, scope);
      if (!Array.isArray(list)) return false;
      return list.some((x) => run(node.body, item, { ...scope, [node.variable]: x }));
    }
  }
}

/** True when `item` satisfies the filter. */
export function matchesFilter(node: FilterNode, item: unknown): boolean {
  return run(node, item, {});
}
