import type { StoredCall, StoredOperation } from '../../calling';

/** A stored call row with plain defaults (an outgoing call being set up); `over` changes any field. */
export function storedCall(id: string, over: Partial<StoredCall> = {}): StoredCall {
  return {
    id,
    wireId: id,
    tenantId: 't',
    direction: 'outgoing',
    state: 'establishing',
    resource: {},
    myParticipantId: null,
    participants: { present: {}, gone: {} },
    marks: {},
    flow: null,
    scenarioId: null,
    createdAt: 1000,
    updatedAt: 1000,
    lastNotifiedAt: null,
    endedAt: null,
    endCode: null,
    endSubcode: null,
    endReason: null,
    meta: null,
    version: 1,
    ...over,
  };
}

/** The stored call the storage tests write: Graph's spelling upper-cased, tenant-1, version 0. */
export function repoCall(id: string, over: Partial<StoredCall> = {}): StoredCall {
  return storedCall(id, {
    wireId: id.toUpperCase(),
    tenantId: 'tenant-1',
    resource: { id, state: 'establishing' },
    participants: [],
    version: 0,
    ...over,
  });
}

/** A pending playPrompt operation on call c1; `over` changes any field. */
export function storedOperation(id: string, over: Partial<StoredOperation> = {}): StoredOperation {
  return {
    id,
    graphId: null,
    wireId: null,
    callId: 'c1',
    kind: 'playPrompt',
    clientContext: id,
    status: 'pending',
    resultInfo: null,
    resource: null,
    createdAt: 1000,
    settledAt: null,
    ...over,
  };
}
