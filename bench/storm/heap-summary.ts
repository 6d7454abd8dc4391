// A V8 heap snapshot (.heapsnapshot) reduced to self sizes per kind of object: objects by constructor,
// closures by function name, strings by their first characters, arrays and code by name.
import { readFileSync } from 'node:fs';

export interface HeapSummary {
  /** Self size of every node, in bytes. */
  readonly total: number;
  readonly byName: Map<string, { count: number; size: number }>;
}

interface Snapshot {
  readonly snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  readonly nodes: number[];
  readonly strings: string[];
}

/** Groups the snapshot's nodes by what they are. */
export function summarise(file: string): HeapSummary {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const width = fields.length;
  const byName = new Map<string, { count: number; size: number }>();
  let total = 0;
  for (let i = 0; i < s.nodes.length; i += width) {
    const type = types[s.nodes[i + typeAt!]!] ?? '?';
    const name = s.strings[s.nodes[i + nameAt!]!] ?? '?';
    const size = s.nodes[i + sizeAt!]!;
    const key =
      type === 'object' || type === 'closure' || type === 'native'
        ? `${type} ${name}`
        : type === 'hidden' || type === 'array' || type === 'code'
          ? `${type} ${name.slice(0, 40)}`
          : type === 'string' || type === 'concatenated string'
            ? `(${type}) ${JSON.stringify(name.slice(0, 32))}`
            : `(${type})`;
    const e = byName.get(key) ?? { count: 0, size: 0 };
    e.count += 1;
    e.size += size;
    byName.set(key, e);
    total += size;
  }
  return { total, byName };
}
