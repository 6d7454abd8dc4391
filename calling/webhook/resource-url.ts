import type { ResourceKind } from '../types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COMPACT_GUID = /^[0-9a-f]{32}$/i;

/** A GUID in either spelling (hyphenated, or 32 hex of any case) becomes lower-case hyphenated; other ids are kept. */
export function normaliseId(id: string): string {
  if (GUID.test(id)) return id.toLowerCase();
  if (COMPACT_GUID.test(id)) {
    const h = id.toLowerCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return id;
}

/** Where a notification points, in the one canonical form. */
export interface ResourceRef {
  /** `/communications/calls/{callId}[/...]` with ids normalised. */
  readonly resourceUrl: string;
  readonly kind: ResourceKind;
  readonly callId: string;
  readonly operationId?: string;
}

/**
 * Reads a notification's resourceUrl (or legacy `resource`) in any documented spelling: with or without
 * the leading '/', `/app/calls/...` or `/communications/calls/...`, or an absolute Graph URL.
 * Undefined when it does not point under a call.
 */
export function parseResourceUrl(input: string): ResourceRef | undefined {
  let path = input.trim();
  if (/^https?:\/\//i.test(path)) {
    if (!URL.canParse(path)) return undefined;
    path = new URL(path).pathname.replace(/^\/(v1\.0|beta)(?=\/)/i, '');
  }
  const segments = path.split('/').filter((s) => s !== '');
  const [root, calls, rawCallId, ...rest] = segments;
  if (!root || !calls || !rawCallId) return undefined;
  if (!/^(communications|app)$/i.test(root) || calls.toLowerCase() !== 'calls') return undefined;
  const callId = normaliseId(rawCallId);
  const base = `/communications/calls/${callId}`;
  const [segment, childId, ...deeper] = rest;
  if (segment === undefined) return { resourceUrl: base, kind: 'call', callId };
  const tail = [childId, ...deeper].filter((s): s is string => s !== undefined).map(normaliseId);
  const url = (name: string) => [base, name, ...tail].join('/');
  switch (segment.toLowerCase()) {
    case 'participants':
      return { resourceUrl: url('participants'), kind: 'participants', callId };
    case 'contentsharingsessions':
      return { resourceUrl: url('contentsharingsessions'), kind: 'contentSharing', callId };
    case 'operations':
      if (tail[0] !== undefined && deeper.length === 0) {
        return { resourceUrl: url('operations'), kind: 'operation', callId, operationId: tail[0] };
      }
      return { resourceUrl: url('operations'), kind: 'unknown', callId };
    default:
      // A resource kind this code does not know yet (Graph adds them): keep it routable to its call.
      return { resourceUrl: url(segment), kind: 'unknown', callId };
  }
}
