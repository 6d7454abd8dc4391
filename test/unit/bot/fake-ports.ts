import type {
  BotPorts,
  CallParticipant,
  CallTarget,
  FrontDeskRule,
  LiveCall,
  Meeting,
  Person,
  PresenceInfo,
  QueueBoardView,
  Reminder,
  Requester,
} from '../../../bot/ports';

/** An error the way a port reports one: a code, a sentence, a hint. */
export class FakePortError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

function participant(t: CallTarget, i: number): CallParticipant {
  return t.kind === 'person'
    ? {
        id: `p-${t.person.id}`,
        name: t.person.displayName,
        kind: 'person',
        userId: t.person.id,
        muted: false,
        status: 'ringing',
      }
    : { id: `p-phone-${i}`, name: t.number, kind: 'phone', muted: false, status: 'ringing' };
}

/**
 * The bot's ports over in-memory state: a directory, presence, reminders, front-desk rules and calls
 * that tests move along (ring → answer → hang up) and that push every change to subscribers.
 */
export class FakeCalling {
  readonly log: Array<{ op: string; args: unknown[] }> = [];
  readonly calls = new Map<string, LiveCall>();
  readonly reminders: Reminder[] = [];
  readonly rules: FrontDeskRule[] = [
    {
      id: 'hours',
      name: 'Office hours',
      description: 'Outside 9–17, play the closed message',
      enabled: true,
    },
    { id: 'vip', name: 'VIP line', description: 'Ring Adele for calls from +1425555', enabled: false },
  ];
  presence = new Map<string, PresenceInfo>();
  readonly meetings = new Map<string, Meeting>();
  private readonly meetingChats = new Map<string, string>();
  private meetingListeners: Array<(m: Meeting) => void> = [];
  private meetingIds = 0;
  failNext?: Error;
  private listeners: Array<(c: LiveCall) => void> = [];
  private seq = 0;
  private ids = 0;

  constructor(
    readonly people: readonly Person[],
    private readonly now: () => number,
  ) {}

  private record(op: string, ...args: unknown[]): void {
    this.log.push({ op, args });
    const f = this.failNext;
    if (f) {
      this.failNext = undefined;
      throw f;
    }
  }

  private put(call: LiveCall): LiveCall {
    const next = { ...call, version: ++this.seq };
    this.calls.set(call.id, next);
    for (const l of this.listeners) l(next);
    return next;
  }

  private start(
    kind: LiveCall['kind'],
    targets: readonly CallTarget[],
    by: Requester,
    subject?: string,
  ): LiveCall {
    const id = `call-${++this.ids}`;
    const call: LiveCall = {
      id,
      kind,
      phase: 'ringing',
      ...(subject ? { subject } : {}),
      participants: [
        { id: 'p-bot', name: 'Switchboard', kind: 'bot', muted: false, status: 'joined' },
        ...targets.map(participant),
      ],
      createdAt: this.now(),
      requestedBy: by,
    };
    return this.put(call);
  }

  /** The person answers: the call connects. */
  answer(callId: string): LiveCall {
    const c = this.calls.get(callId)!;
    return this.put({
      ...c,
      phase: 'connected',
      connectedAt: this.now(),
      participants: c.participants.map((p) => ({ ...p, status: 'joined' as const })),
    });
  }

  /** The call ends for a reason. */
  end(callId: string, reason: string): LiveCall {
    const c = this.calls.get(callId)!;
    return this.put({ ...c, phase: 'ended', endedAt: this.now(), endReason: reason });
  }

  /** The meeting changed (moved, cancelled, attendance known): every subscriber hears it. */
  putMeeting(m: Meeting): Meeting {
    this.meetings.set(m.id, m);
    for (const l of this.meetingListeners) l(m);
    return m;
  }

  /** As the real port does: only the organizer may change a meeting. */
  private organizerOnly(id: string, by: Requester): Meeting {
    const m = this.meetings.get(id);
    if (!m) throw new FakePortError('meeting_not_found', `No meeting ${id}.`);
    if (m.organizer?.id !== by.aadObjectId)
      throw new FakePortError(
        'not_organizer',
        `Only ${m.organizer?.displayName ?? 'the organizer'} can change it.`,
      );
    return m;
  }

  /** Pushes a stale snapshot, as an out-of-order notification would. */
  replay(call: LiveCall): void {
    for (const l of this.listeners) l(call);
  }

  readonly ports: BotPorts = {
    calls: {
      placeCall: async (target, by) => {
        this.record('placeCall', target, by);
        return this.start(target.kind === 'phone' ? 'pstn' : 'p2p', [target], by);
      },
      placeGroupCall: async (targets, by, subject) => {
        this.record('placeGroupCall', targets, by, subject);
        return this.start('group', targets, by, subject);
      },
      connect: async (a, b, by) => {
        this.record('connect', a, b, by);
        return this.start('connect', [a, b], by);
      },
      hangUp: async (callId, by) => {
        this.record('hangUp', callId, by);
        // The platform confirms the hang-up asynchronously, as Graph does.
        setTimeout(() => this.end(callId, `hung up by ${by.name}`), 5);
      },
      muteParticipant: async (callId, participantId, by) => {
        this.record('mute', callId, participantId, by);
        const c = this.calls.get(callId)!;
        this.put({
          ...c,
          participants: c.participants.map((p) => (p.id === participantId ? { ...p, muted: true } : p)),
        });
      },
      invite: async (callId, target, by) => {
        this.record('invite', callId, target, by);
        const c = this.calls.get(callId)!;
        this.put({ ...c, participants: [...c.participants, participant(target, c.participants.length)] });
      },
      transfer: async (callId, target, by) => {
        this.record('transfer', callId, target, by);
      },
      listLive: async () => {
        this.record('listLive');
        return [...this.calls.values()].filter((c) => c.phase !== 'ended');
      },
      get: async (callId) => this.calls.get(callId),
      joinMeeting: async (joinUrl, by, invite, subject) => {
        this.record('joinMeeting', joinUrl, by, invite, subject);
        const c = this.start('meeting', invite ?? [], by, subject);
        return this.put({ ...c, meeting: { joinUrl, ...(subject ? { subject } : {}) } });
      },
      subscribe: (listener) => {
        this.listeners.push(listener);
        return () => {
          this.listeners = this.listeners.filter((l) => l !== listener);
        };
      },
    },
    meetings: {
      create: async (req): Promise<Meeting> => {
        this.record('createMeeting', req);
        const id = `meeting-${++this.meetingIds}`;
        const m: Meeting = {
          id,
          subject: req.subject,
          joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_fake${this.meetingIds > 1 ? this.meetingIds : ''}%40thread.v2/0`,
          start: req.start,
          end: req.end,
          organizer: req.organizer,
          attendees: req.attendees,
          status: 'scheduled',
        };
        this.meetings.set(id, m);
        if (req.conversationId) this.meetingChats.set(id, req.conversationId);
        return m;
      },
      get: async (id) => this.meetings.get(id),
      inConversation: async (conversationId) =>
        [...this.meetings.values()].filter((m) => this.meetingChats.get(m.id) === conversationId).reverse(),
      organizedBy: async (organizerId) =>
        [...this.meetings.values()].filter((m) => m.organizer?.id === organizerId).reverse(),
      move: async (id, to, by) => {
        this.record('moveMeeting', id, to, by);
        const m = this.organizerOnly(id, by);
        return this.putMeeting({
          ...m,
          start: to.start,
          end: to.end,
          lastChange: { kind: 'moved', by: by.name, at: this.now() },
        });
      },
      cancel: async (id, by) => {
        this.record('cancelMeeting', id, by);
        const m = this.organizerOnly(id, by);
        return this.putMeeting({
          ...m,
          status: 'cancelled',
          lastChange: { kind: 'cancelled', by: by.name, at: this.now() },
        });
      },
      subscribe: (listener) => {
        this.meetingListeners.push(listener);
        return () => {
          this.meetingListeners = this.meetingListeners.filter((l) => l !== listener);
        };
      },
    },
    people: {
      search: async (query, opts) => {
        this.record('search', query);
        const q = query.toLowerCase();
        const hits = this.people.filter((p) =>
          [p.displayName, p.mail, p.userPrincipalName, ...p.displayName.split(' ')].some((v) =>
            v?.toLowerCase().startsWith(q),
          ),
        );
        return hits.slice(0, opts?.limit ?? 10);
      },
      getById: async (id) => this.people.find((p) => p.id === id),
    },
    presence: {
      getMany: async (ids) => {
        this.record('presence', ids);
        return ids.flatMap((id) => (this.presence.has(id) ? [this.presence.get(id)!] : []));
      },
    },
    reminders: {
      schedule: async (req) => {
        this.record('schedule', req);
        const r: Reminder = {
          id: `rem-${++this.ids}`,
          target: req.target,
          dueAt: req.dueAt,
          message: req.message,
          status: 'scheduled',
          requestedBy: req.requestedBy,
        };
        this.reminders.push(r);
        return r;
      },
      list: async (by) => this.reminders.filter((r) => r.requestedBy.aadObjectId === by.aadObjectId),
      cancel: async (id, by) => {
        this.record('cancelReminder', id, by);
        const i = this.reminders.findIndex((r) => r.id === id && r.status === 'scheduled');
        if (i < 0) return false;
        this.reminders[i] = { ...this.reminders[i]!, status: 'cancelled' };
        return true;
      },
    },
    frontDesk: {
      listRules: async () => this.rules,
      setEnabled: async (ruleId, enabled, by) => {
        this.record('setRule', ruleId, enabled, by);
        const i = this.rules.findIndex((r) => r.id === ruleId);
        if (i < 0) throw new FakePortError('rule_not_found', `There is no rule "${ruleId}".`);
        this.rules[i] = { ...this.rules[i]!, enabled };
        return this.rules[i]!;
      },
    },
    queues: {
      list: async () => [...this.boards.values()],
      board: async (queue) => this.boards.get(queue),
      setSignedIn: async (queue, signedIn, by) => {
        this.record('queueSignIn', queue, signedIn, by);
        const b = this.boards.get(queue);
        if (!b) throw new FakePortError('queue_not_found', `There is no call queue named "${queue}".`);
        const agents = b.agents.map((a) =>
          a.id === by.aadObjectId
            ? { ...a, signedIn, state: signedIn ? ('idle' as const) : ('signedOut' as const) }
            : a,
        );
        const next = { ...b, agents };
        this.boards.set(queue, next);
        return next;
      },
      subscribe: (listener) => {
        this.boardListeners.add(listener);
        return () => this.boardListeners.delete(listener);
      },
    },
  };

  /** Queue boards by name; `pushBoard` stores one and tells subscribers, as the watcher does. */
  readonly boards = new Map<string, QueueBoardView>();
  private readonly boardListeners = new Set<(b: QueueBoardView) => void>();

  /** How many listeners follow the boards (the watcher reads only while there is one). */
  get boardWatchers(): number {
    return this.boardListeners.size;
  }

  pushBoard(b: QueueBoardView): void {
    this.boards.set(b.queue, b);
    for (const l of this.boardListeners) l(b);
  }

  /** The operations performed with the given name. */
  ops(op: string): unknown[][] {
    return this.log.filter((l) => l.op === op).map((l) => l.args);
  }
}
