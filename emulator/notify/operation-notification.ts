import { commsNotification } from './envelope';
import { callPath, compactId, nextEtag, pick, resultInfo } from './odata';
import type { Json } from './odata';
import type { CommsNotification } from './types';

interface OperationShape {
  resource?: boolean;
  odataId?: boolean;
  etag?: boolean;
  /** Path ids written as 32 upper-case hex digits, as the documented playPrompt example does. */
  compact?: boolean;
  /** resourceUrl and @odata.id without the leading slash, as the documented startHoldMusic example does. */
  noSlash?: boolean;
  /** Operation properties carried in resourceData, in order; absent and null ones are left out. */
  fields: readonly string[];
}

const BASE = ['id', 'clientContext', 'status'];
const RECORD = [...BASE, 'completionReason', 'resultInfo', 'recordingLocation', 'recordingAccessToken'];
const HOLD: OperationShape = {
  odataId: true,
  etag: true,
  noSlash: true,
  fields: ['clientContext', 'status'],
};

// Keyed by `@odata.type` and then by final status. The documented completions differ in decorations and
// in which fields they repeat; each is reproduced as shown (see test/fixtures/graph/notifications/), failures follow the cancelled
// examples (no @odata.id), and types without an example get the plain base shape.
const SHAPES: Record<string, { completed: OperationShape; failed: OperationShape }> = {
  '#microsoft.graph.playPromptOperation': {
    completed: { odataId: true, etag: true, compact: true, fields: [...BASE, 'resultInfo'] },
    failed: { fields: [...BASE, 'completionReason', 'resultInfo'] },
  },
  '#microsoft.graph.recordOperation': {
    completed: { odataId: true, etag: true, fields: RECORD },
    failed: { fields: RECORD },
  },
  '#microsoft.graph.inviteParticipantsOperation': {
    completed: { resource: true, fields: [...BASE, 'participants'] },
    failed: { resource: true, fields: [...BASE, 'resultInfo', 'participants'] },
  },
  '#microsoft.graph.sendDtmfTonesOperation': {
    completed: { fields: [...BASE, 'completionReason'] },
    failed: { fields: [...BASE, 'completionReason', 'resultInfo'] },
  },
  '#microsoft.graph.startHoldMusicOperation': {
    completed: HOLD,
    failed: { ...HOLD, fields: [...HOLD.fields, 'resultInfo'] },
  },
  '#microsoft.graph.stopHoldMusicOperation': {
    completed: HOLD,
    failed: { ...HOLD, fields: [...HOLD.fields, 'resultInfo'] },
  },
};
const DEFAULT_SHAPE: OperationShape = { odataId: true, fields: [...BASE, 'resultInfo'] };

export interface OperationNotificationOptions {
  /** Overrides the id spelling in paths that the operation's documented example uses. */
  idStyle?: 'hyphenated' | 'compact';
}

/** Completion (changeType deleted) of any commsOperation subtype, in the shape of its documented example. */
export function operationNotification(
  callId: string,
  op: Record<string, unknown> & { id: string; '@odata.type': string },
  opts: OperationNotificationOptions = {},
): CommsNotification {
  const type = op['@odata.type'];
  const variants = SHAPES[type];
  const shape = variants ? (op.status === 'failed' ? variants.failed : variants.completed) : DEFAULT_SHAPE;
  const compact = opts.idStyle ? opts.idStyle === 'compact' : Boolean(shape.compact);
  const ids = compact ? { call: compactId(callId), op: compactId(op.id) } : { call: callId, op: op.id };
  const url = `${callPath(ids.call, { slash: !shape.noSlash })}/operations/${ids.op}`;
  const data: Json = { '@odata.type': type };
  if (shape.odataId) data['@odata.id'] = url;
  if (shape.etag) data['@odata.etag'] = nextEtag();
  Object.assign(data, pick(op, shape.fields));
  if (data.resultInfo) data.resultInfo = resultInfo(data.resultInfo);
  if (type === '#microsoft.graph.recordOperation') {
    // A recording that produced nothing still names both properties, as empty strings.
    data.recordingLocation ??= '';
    data.recordingAccessToken ??= '';
  }
  const resource = shape.resource ? `${callPath(callId, { legacy: true })}/operations/${op.id}` : undefined;
  return commsNotification('deleted', url, data, { resource });
}
