import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Call } from '@microsoft/microsoft-graph-types';
import type { CallGraph, CoreLogger, OperationAccepted } from '../../../../calling/core';
import type { InboundBatch, ParsedNotification } from '../../../../calling';
import { openStore, type Store } from '../../../../store';

export const TENANT = '7c1f0d2a-5b3e-4a8f-9c61-2e4d8b0a9f11';

/** A store on a fresh SQLite file; `close` removes it. */
export async function tempStore(): Promise<{ store: Store; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-core-'));
  const store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
  return {
    store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh SQLite store for every test of the suite, closed and removed after each. */
export function eachTempStore(): { readonly store: Store } {
  let current: { store: Store; close(): Promise<void> } | undefined;
  beforeEach(async () => {
    current = await tempStore();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get store() {
      if (!current) throw new Error('the store exists only while a test runs');
      return current.store;
    },
  };
}

/** A logger that keeps error lines so tests can assert none happened. */
export function testLogger(): CoreLogger & { errors: object[] } {
  const errors: object[] = [];
  const make = (): CoreLogger & { errors: object[] } => ({
    errors,
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (o) => void errors.push(o),
    child: () => make(),
  });
  return make();
}

export interface FakeGraph extends CallGraph {
  readonly requests: Array<{ method: string; callId?: string; participantId?: string; body?: unknown }>;
  /** What the next operation-returning action answers (default: running with a fresh id). */
  nextOperation?: (clientContext: string) => OperationAccepted;
  createdId: string;
}

let counter = 0;
const opId = () => `0000000${++counter}`.slice(-8) + '-aaaa-4bbb-8ccc-dddddddddddd';

/** A CallGraph that records requests and answers like Graph does. */
export function fakeGraph(): FakeGraph {
  const requests: FakeGraph['requests'] = [];
  const g: FakeGraph = {
    requests,
    createdId: '11111111-2222-4333-8444-555555555555',
    async createCall(body) {
      requests.push({ method: 'createCall', body });
      return { ...(body as Call), id: g.createdId, state: 'establishing', myParticipantId: 'me' } as Call;
    },
    async getCall(callId) {
      requests.push({ method: 'getCall', callId });
      return { id: callId, state: 'established' } as Call;
    },
    answer: async (callId, body) => void requests.push({ method: 'answer', callId, body }),
    reject: async (callId, body) => void requests.push({ method: 'reject', callId, body }),
    redirect: async (callId, body) => void requests.push({ method: 'redirect', callId, body }),
    transfer: async (callId, body) => void requests.push({ method: 'transfer', callId, body }),
    deleteCall: async (callId) => void requests.push({ method: 'deleteCall', callId }),
    keepAlive: async (callId) => void requests.push({ method: 'keepAlive', callId }),
    listParticipants: async () => [],
    deleteParticipant: async (callId, participantId) =>
      void requests.push({ method: 'deleteParticipant', callId, participantId }),
    playPrompt: (callId, body) => op('playPrompt', callId, body),
    recordResponse: (callId, body) => op('recordResponse', callId, body as { clientContext: string }),
    subscribeToTone: (callId, body) => op('subscribeToTone', callId, body),
    sendDtmfTones: (callId, body) => op('sendDtmfTones', callId, body),
    cancelMediaProcessing: (callId, body) => op('cancelMediaProcessing', callId, body),
    mute: (callId, body) => op('mute', callId, body),
    unmute: (callId, body) => op('unmute', callId, body),
    inviteParticipants: (callId, body) => op('invite', callId, body),
    muteParticipant: (callId, participantId, body) => op('muteParticipant', callId, body, participantId),
  };
  async function op(
    method: string,
    callId: string,
    body: { clientContext: string },
    participantId?: string,
  ): Promise<OperationAccepted> {
    requests.push({ method, callId, body, ...(participantId === undefined ? {} : { participantId }) });
    if (g.nextOperation) return g.nextOperation(body.clientContext);
    return { operation: { id: opId(), status: 'running', clientContext: body.clientContext } as never };
  }
  return g;
}

/** A call-resource notification. */
export function callNote(
  callId: string,
  state: string | undefined,
  extra: Record<string, unknown> = {},
  changeType: ParsedNotification['changeType'] = state === 'terminated' ? 'deleted' : 'updated',
): ParsedNotification {
  const resourceData = { '@odata.type': '#microsoft.graph.call', ...(state ? { state } : {}), ...extra };
  return {
    changeType,
    resourceUrl: `/communications/calls/${callId}`,
    kind: 'call',
    callId,
    callWireId: callId,
    resourceData,
    raw: {},
  };
}

/** An operation completion notification. */
export function opNote(
  callId: string,
  operationId: string,
  status: 'completed' | 'failed',
  extra: Record<string, unknown> = {},
): ParsedNotification {
  return {
    changeType: 'deleted',
    resourceUrl: `/communications/calls/${callId}/operations/${operationId}`,
    kind: 'operation',
    callId,
    callWireId: callId,
    operationId,
    operationWireId: operationId,
    resourceData: {
      '@odata.type': '#microsoft.graph.playPromptOperation',
      id: operationId,
      status,
      ...extra,
    },
    raw: {},
  };
}

/** A roster notification. */
export function rosterNote(
  callId: string,
  changeType: ParsedNotification['changeType'],
  participants: Array<Record<string, unknown>>,
): ParsedNotification {
  return {
    changeType,
    resourceUrl: `/communications/calls/${callId}/participants`,
    kind: 'participants',
    callId,
    callWireId: callId,
    resourceData: participants,
    raw: {},
  };
}

export function batch(...notifications: ParsedNotification[]): InboundBatch {
  return { tenantId: TENANT, receivedAt: Date.now(), notifications };
}

/** Resolves once `check` is true, polling briefly; rejects after `ms`. */
export async function eventually(check: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
