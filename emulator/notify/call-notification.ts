import { commsNotification } from './envelope';
import { callPath, nextEtag, pick, resultInfo, typed } from './odata';
import type { Json } from './odata';
import type { ChangeType, CommsNotification } from './types';

/** Which documented call notification a change looks like; each has its own documented shape (fixtures: test/fixtures/graph/notifications/). */
export type CallNotificationKind =
  | 'incoming'
  | 'incomingPstn'
  | 'incomingGroup'
  | 'establishing'
  | 'established'
  | 'tone'
  | 'transferring'
  | 'transferAccepted'
  | 'transferFailed'
  | 'transferCompleted'
  | 'terminating'
  | 'terminated'
  | 'rejected'
  | 'changed';

interface CallShape {
  /** The legacy `/app/calls/{id}` path in the notification's `resource`. */
  resource?: boolean;
  /** The call's callbackUri repeated at the notification level. */
  callbackUri?: boolean;
  odataId?: boolean;
  etag?: boolean;
  /** The `subCode` spelling of resultInfo.subcode that the documented transfer-failure example shows. */
  subCode?: boolean;
  /** Call properties carried in resourceData, in order; absent and null ones are left out. */
  fields: readonly string[];
}

const INCOMING = ['id', 'state', 'direction', 'callbackUri', 'source', 'targets', 'requestedModalities'];

// The documented examples differ in which decorations they carry (resource, @odata.id, @odata.etag,
// callbackUri) and in how much of the call they repeat. The emulator reproduces each one as shown, so
// the app meets the same variety it will meet from the real service.
const SHAPES: Record<CallNotificationKind, CallShape> = {
  incoming: {
    resource: true,
    odataId: true,
    etag: true,
    fields: [...INCOMING, 'tenantId', 'myParticipantId', 'callChainId'],
  },
  incomingPstn: { fields: [...INCOMING, 'tenantId', 'myParticipantId'] },
  incomingGroup: {
    resource: true,
    fields: [
      ...INCOMING.filter((k) => k !== 'callbackUri'),
      'chatInfo',
      'meetingInfo',
      'tenantId',
      'myParticipantId',
      'callChainId',
    ],
  },
  establishing: { callbackUri: true, odataId: true, etag: true, fields: ['id', 'state'] },
  established: { callbackUri: true, odataId: true, etag: true, fields: ['id', 'state', 'direction'] },
  tone: { fields: ['id', 'state', 'toneInfo'] },
  transferring: { fields: ['state'] },
  transferAccepted: { fields: ['state'] },
  transferFailed: { subCode: true, fields: ['state', 'resultInfo'] },
  transferCompleted: { fields: ['state', 'resultInfo'] },
  terminating: { fields: ['state'] },
  terminated: { resource: true, odataId: true, fields: ['id', 'state', 'direction', 'resultInfo'] },
  rejected: { odataId: true, fields: [] },
  changed: { odataId: true, etag: true, fields: ['id', 'state', 'direction', 'mediaState'] },
};

function has(call: Json, key: string): boolean {
  return call[key] !== undefined && call[key] !== null;
}

function hasPhoneSource(call: Json): boolean {
  const source = call.source as { identity?: { phone?: unknown } } | null | undefined;
  return Boolean(source?.identity?.phone);
}

/** Guesses the documented kind from the change and the call, for callers that do not say. */
export function callNotificationKind(
  changeType: ChangeType,
  call: Record<string, unknown>,
): CallNotificationKind {
  const state = call.state;
  const info = call.resultInfo as { code?: unknown; subcode?: unknown } | null | undefined;
  if (changeType === 'created') {
    if (has(call, 'chatInfo')) return 'incomingGroup';
    return hasPhoneSource(call) ? 'incomingPstn' : 'incoming';
  }
  if (changeType === 'deleted') {
    if (state === undefined || state === 'incoming') return 'rejected';
    return Number(info?.subcode) === 7015 ? 'transferCompleted' : 'terminated';
  }
  switch (state) {
    case 'establishing':
    case 'transferring':
    case 'transferAccepted':
    case 'terminating':
      return state;
    case 'established':
      if (info && Number(info.code) >= 400) return 'transferFailed';
      return has(call, 'toneInfo') ? 'tone' : 'established';
    default:
      return 'changed';
  }
}

/** A call resource notification in the shape of the documented example for its kind (guessed unless given). */
export function callNotification(
  changeType: ChangeType,
  call: Record<string, unknown>,
  opts: { kind?: CallNotificationKind } = {},
): CommsNotification {
  const id = call.id;
  if (typeof id !== 'string' || id === '') throw new Error('callNotification needs the call id');
  const shape = SHAPES[opts.kind ?? callNotificationKind(changeType, call)];
  const url = callPath(id);
  const data: Json = { '@odata.type': '#microsoft.graph.call' };
  if (shape.odataId) data['@odata.id'] = url;
  if (shape.etag)
    data['@odata.etag'] = typeof call['@odata.etag'] === 'string' ? call['@odata.etag'] : nextEtag();
  Object.assign(data, pick(call, shape.fields));
  if (data.resultInfo) data.resultInfo = resultInfo(data.resultInfo, shape.subCode);
  if (data.toneInfo) data.toneInfo = typed('#microsoft.graph.toneInfo', data.toneInfo as Json);
  return commsNotification(changeType, url, data, {
    resource: shape.resource ? callPath(id, { legacy: true }) : undefined,
    callbackUri: shape.callbackUri && typeof call.callbackUri === 'string' ? call.callbackUri : undefined,
  });
}
