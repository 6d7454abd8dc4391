// Small helpers shared by the envelope builders: paths, id spellings, etags, typed copies.

export type Json = Record<string, unknown>;

/** Canonical path of a call, with or without the leading slash some documented examples drop. */
export function callPath(callId: string, opts: { slash?: boolean; legacy?: boolean } = {}): string {
  const root = opts.legacy ? 'app/calls' : 'communications/calls';
  return `${opts.slash === false ? '' : '/'}${root}/${callId}`;
}

/** The 32-hex upper-case spelling of a GUID that some documented examples use in paths. */
export function compactId(id: string): string {
  return /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(id) ? id.replace(/-/g, '').toUpperCase() : id;
}

let etagSeq = 1000;

/** A weak etag like the ones on documented notifications; increases across the process. */
export function nextEtag(): string {
  etagSeq += 1;
  return `W/"${etagSeq}"`;
}

/** A deep copy, so later changes to the emulator's live objects cannot leak into a queued notification. */
export function copy<T>(v: T): T {
  return structuredClone(v);
}

/** `obj` with `@odata.type` first: set to `type` unless the object already carries one. */
export function typed(type: string, obj: Json): Json {
  const { ['@odata.type']: own, ...rest } = obj;
  return { '@odata.type': typeof own === 'string' ? own : type, ...rest };
}

/** Copies the listed keys whose values are present and not null, in the listed order. */
export function pick(src: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const k of keys) {
    const v = src[k];
    if (v !== undefined && v !== null) out[k] = copy(v);
  }
  return out;
}

/** A resultInfo carrying its @odata.type, optionally with the `subCode` key spelling. */
export function resultInfo(v: unknown, subCodeSpelling = false): Json | undefined {
  if (v === undefined || v === null || typeof v !== 'object') return undefined;
  const r = typed('#microsoft.graph.resultInfo', copy(v as Json));
  if (!subCodeSpelling || !('subcode' in r)) return r;
  const out: Json = {};
  for (const [k, val] of Object.entries(r)) out[k === 'subcode' ? 'subCode' : k] = val;
  return out;
}
