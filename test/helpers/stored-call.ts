import type { StoredCall } from '../../calling';

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
