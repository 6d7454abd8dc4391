import { idKey } from '../ids';
import type { ResourceKind } from '../types';

/** Where a notification points: ids as keys (for matching) and as Graph spelled them in the path. */
export interface ResourceRef {
  /** `/communications/calls/{callId}[/...]` with every id as its key (`ids.ts`). */
  readonly resourceUrl: string;
  readonly kind: ResourceKind;
  readonly callId: string;
  /** The call id exactly as the path spelled it. */
  readonly callWireId: string;
  readonly operationId?: string;
  /** The operation id exactly as the path spelled it. */
  readonly operationWireId?: string;
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
  const call = { callId: idKey(rawCallId), callWireId: rawCallId };
  const base = `/communications/calls/${call.callId}`;
  const [segment, childId, ...deeper] = rest;
  if (segment === undefined) return { resourceUrl: base, kind: 'call', ...call };
  const tail = [childId, ...deeper].filter((s): s is string => s !== undefined).map(idKey);
  const url = (name: string) => [base, name, ...tail].join('/');
  switch (segment.toLowerCase()) {
    case 'participants':
      return { resourceUrl: url('participants'), kind: 'participants', ...call };
    case 'contentsharingsessions':
      return { resourceUrl: url('contentsharingsessions'), kind: 'contentSharing', ...call };
    case 'operations':
      if (childId !== undefined && tail[0] !== undefined && deeper.length === 0) {
        const operation = { operationId: tail[0], operationWireId: childId };
        return { resourceUrl: url('operations'), kind: 'operation', ...call, ...operation };
      }
      return { resourceUrl: url('operations'), kind: 'unknown', ...call };
    default:
      // A resource kind this code does not know yet (Graph adds them): keep it routable to its call.
      return { resourceUrl: url(segment), kind: 'unknown', ...call };
  }
}
