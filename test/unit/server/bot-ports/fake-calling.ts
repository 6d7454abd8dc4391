// A stand-in for the call model behind the calls port: calls as views the test moves along, events
// emitted like the real service's, and every request recorded.
import type {
  CallingEventName,
  CallingEvents,
  CallState,
  CallView,
  OperationView,
  ParticipantView,
  PlaceCallRequest,
} from '../../../../calling';
import type { CallModel, NotesStore } from '../../../../server/bot-ports/types';

type Handler = (payload: never) => void | Promise<void>;

/** A call view with sensible defaults. */
export function view(over: Partial<CallView> & { id: string }): CallView {
  return {
    tenantId: 't1',
    direction: 'outgoing',
    state: 'establishing',
    source: { kind: 'application', id: 'app-1' },
    participants: [],
    flow: null,
    createdAt: 1000,
    updatedAt: 1000,
    resource: {},
    ...over,
  };
}

export const self: ParticipantView = {
  id: 'p-bot',
  identity: { kind: 'application', id: 'app-1' },
  isMuted: false,
  isInLobby: false,
  isSelf: true,
};

export function person(id: string, name?: string, muted = false): ParticipantView {
  return {
    id: `p-${id}`,
    identity: { kind: 'user', id, ...(name ? { displayName: name } : {}) },
    isMuted: muted,
    isInLobby: false,
    isSelf: false,
  };
}

const op = (callId: string, kind: string): OperationView => ({
  id: `op-${kind}`,
  callId,
  kind,
  status: 'completed',
  createdAt: 0,
});

export class FakeCalling implements CallModel {
  readonly calls = new Map<string, CallView>();
  readonly requests: Array<{ op: string; args: unknown[] }> = [];
  /** Set to make the next operation (invite, mute, transfer) hang or fail. */
  nextOp?: 'hang' | Error;
  private readonly handlers = new Map<string, Set<Handler>>();
  private n = 0;

  constructor(private readonly now: () => number) {}

  private operation(callId: string, kind: string): Promise<OperationView> {
    const next = this.nextOp;
    this.nextOp = undefined;
    if (next === 'hang') return new Promise(() => undefined);
    if (next) return Promise.reject(next);
    return Promise.resolve(op(callId, kind));
  }

  on<K extends CallingEventName>(name: K, handler: (payload: CallingEvents[K]) => void | Promise<void>) {
    const set = this.handlers.get(name) ?? new Set();
    this.handlers.set(name, set);
    set.add(handler as Handler);
    return () => void set.delete(handler as Handler);
  }

  emit<K extends CallingEventName>(name: K, payload: CallingEvents[K]): void {
    for (const h of this.handlers.get(name) ?? []) void (h as (p: CallingEvents[K]) => void)(payload);
  }

  listeners(): number {
    return [...this.handlers.values()].reduce((n, s) => n + s.size, 0);
  }

  /** Moves a call to a state (and roster), emitting what the real service would. */
  move(
    callId: string,
    state: CallState,
    participants?: ParticipantView[],
    reason = 'the call ended',
  ): CallView {
    const before = this.calls.get(callId)!;
    const at = this.now();
    const next = view({
      ...before,
      state,
      updatedAt: at,
      ...(participants ? { participants } : {}),
      ...(state === 'terminated' ? { endedAt: at, end: { reason }, participants: [] } : {}),
    });
    this.calls.set(callId, next);
    this.emit('stateChanged', { call: next, from: before.state, to: state });
    if (state === 'terminated') this.emit('terminated', { call: next, reason });
    return next;
  }

  roster(callId: string, participants: ParticipantView[]): CallView {
    const next = view({ ...this.calls.get(callId)!, participants });
    this.calls.set(callId, next);
    this.emit('participantsJoined', { call: next, participants });
    return next;
  }

  placeCall = async (req: PlaceCallRequest) => {
    this.requests.push({ op: 'placeCall', args: [req] });
    const targets = (Array.isArray(req.to) ? req.to : [req.to]).map((p) => ({ identity: p }));
    const call = view({
      id: `call-${++this.n}`,
      createdAt: this.now(),
      updatedAt: this.now(),
      resource: { targets },
    });
    this.calls.set(call.id, call);
    return call;
  };
  joinMeeting = async (joinUrl: string) => {
    this.requests.push({ op: 'joinMeeting', args: [joinUrl] });
    const call = view({
      id: `call-${++this.n}`,
      createdAt: this.now(),
      updatedAt: this.now(),
      resource: { meetingInfo: { joinWebUrl: joinUrl } },
    });
    this.calls.set(call.id, call);
    return call;
  };
  hangUp = async (callId: string) => {
    this.requests.push({ op: 'hangUp', args: [callId] });
    if (!this.calls.has(callId)) throw new Error(`no call ${callId}`);
  };
  transfer = (callId: string, target: unknown) => {
    this.requests.push({ op: 'transfer', args: [callId, target] });
    return this.operation(callId, 'transfer');
  };
  participants = {
    list: async () => [],
    invite: (callId: string, parties: readonly unknown[]) => {
      this.requests.push({ op: 'invite', args: [callId, parties] });
      return this.operation(callId, 'invite');
    },
    mute: (callId: string, participantId: string) => {
      this.requests.push({ op: 'mute', args: [callId, participantId] });
      return this.operation(callId, 'mute');
    },
    remove: async () => undefined,
  };
  getCall = async (callId: string) => this.calls.get(callId);
  listCalls = async (opts?: { active?: boolean }) =>
    [...this.calls.values()].filter((c) => !opts?.active || c.state !== 'terminated');
}

/** The store's key-value table in memory. */
export function memoryKv(): NotesStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get<T>(ns: string, key: string) {
      const k = `${ns}/${key}`;
      return data.has(k) ? { value: structuredClone(data.get(k)) as T, version: 1 } : undefined;
    },
    async put<T>(ns: string, key: string, value: T) {
      data.set(`${ns}/${key}`, structuredClone(value));
      return 1;
    },
    async delete(ns: string, key: string) {
      return data.delete(`${ns}/${key}`);
    },
  };
}
