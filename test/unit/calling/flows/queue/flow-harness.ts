// Drives the queue flow's reducer by hand: a FlowControl that records what a step asked for, a calling
// service that records prompts, and a real store, so each test runs the tasks it chooses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { CallingApi, CallView, PlaceCallRequest } from '../../../../../calling/core';
import type { IvrState } from '../../../../../calling/flows/ivr';
import { createQueueFlow, queuesFileSchema, type QueueState } from '../../../../../calling/flows/queue';
import type { FlowControl, FlowEvent } from '../../../../../calling/flows/runtime';
import type { TextPrompts } from '../../../../../calling/flows/tts';
import { EMPTY_DIRECTORY } from '../../../../../calling/flows/runtime';
import type { QueueStore } from '../../../../../calling';
import { createQueueStore, openStore, type Store } from '../../../../../store';
import type { RingOffer } from '../../../../../calling';

export interface Harness {
  readonly queues: QueueStore;
  /** Prompt URLs of every playPrompt, in order. */
  readonly played: string[][];
  readonly cancels: string[];
  readonly handOffs: Array<{ callId: string; state: IvrState; note: string }>;
  /** Agents whose presence is Available (the test changes it). */
  readonly available: Set<string>;
  /** Queues kicked (something freed an agent), in order. */
  readonly kicks: string[];
  /** Calls the app hung up, and agents invited (with the call they replace), in order. */
  readonly hangUps: string[];
  readonly invites: Array<{ callId: string; agent: string; replacesCallId: string | undefined }>;
  /** Agents' ring cards posted (the attempts they were for), and the warnings logged. */
  readonly rungCards: RingOffer[];
  readonly warnings: string[];
  /** Makes posting a ring card fail (the chat cannot be reached). */
  failCards: boolean;
  /** Sends one event to `callId`'s flow; returns the new state and what the step asked for. */
  step(callId: string, s: QueueState, e: FlowEvent, now: number): Promise<Step>;
  close(): Promise<void>;
}

export interface Step {
  readonly s: QueueState;
  readonly spawned: Map<string, () => Promise<unknown>>;
  readonly timers: Map<string, number>;
  readonly cleared: string[];
  readonly notes: string[];
  /** Calls placed (to agents), by task. */
  readonly placed: Map<string, PlaceCallRequest>;
  /** Runs a spawned task and hands its outcome back as a done event. */
  run(task: string): Promise<FlowEvent>;
}

export const QUEUES = queuesFileSchema.parse({
  queues: {
    support: {
      agents: [{ user: 'a1' }, { user: 'a2' }],
      maxWaitSeconds: 300,
      afterMaxWait: { queue: 'overflow' },
      announceEverySeconds: 30,
      messageKey: '1',
      message: { notify: { title: '{caller} in {queue}', text: 'waited {waited}' } },
    },
    overflow: {
      agents: [{ user: 'a3' }],
      maxWaitSeconds: 60,
      afterMaxWait: 'message',
      announceEverySeconds: 0,
      message: { maxSeconds: 30, notify: { title: 'overflow', text: '{caller} waited {waited} in {queue}' } },
    },
  },
}).queues;

/** The resultInfo a test's `terminated` reason stands for (declined, busy, or the app's hang-up). */
function endInfo(reason: string): { code: number; subcode: number } {
  if (reason === 'declined') return { code: 480, subcode: 10134 };
  if (reason === 'busy') return { code: 480, subcode: 10076 };
  return { code: 200, subcode: 5001 };
}

export async function createHarness(): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-queue-flow-'));
  const store: Store = await openStore({ sqlitePath: path.join(dir, 'q.db') });
  const queues = createQueueStore(store);
  const played: string[][] = [];
  const cancels: string[] = [];
  const handOffs: Harness['handOffs'] = [];
  const available = new Set<string>();
  const kicks: string[] = [];
  const hangUps: string[] = [];
  const invites: Harness['invites'] = [];
  const rungCards: RingOffer[] = [];
  const warnings: string[] = [];
  const cards = { fail: false };
  const calling = {
    playPrompt: async (_id: string, urls: string[]) => void played.push(urls),
    cancelMedia: async (id: string) => void cancels.push(id),
    subscribeToTone: async () => ({}),
    getCall: async (id: string) => ({ id, state: hangUps.includes(id) ? 'terminated' : 'established' }),
    hangUp: async (id: string) => void hangUps.push(id),
    waitForState: async (id: string) => ({ id, state: 'terminated' }),
    operations: async () => [],
    participants: {
      invite: async (callId: string, parties: Array<{ user: string }>, o: { replacesCallId?: string }) => {
        invites.push({ callId, agent: parties[0]?.user ?? '', replacesCallId: o.replacesCallId });
        return { id: 'op', status: 'completed' };
      },
    },
  } as unknown as CallingApi;
  const flow = createQueueFlow({
    queues: QUEUES,
    calling,
    store: queues,
    tts: { url: async (text: string) => `tts:${text}` } as unknown as TextPrompts,
    handOff: async (callId, state, note) => void handOffs.push({ callId, state, note }),
    availability: {
      available: async (ids) => new Set(ids.filter((id) => available.has(id))),
      forget: () => undefined,
    },
    directory: async () => EMPTY_DIRECTORY,
    kick: async (queue) => void kicks.push(queue),
    agentRung: async (offer) => {
      if (cards.fail) throw new Error('the chat cannot be reached');
      rungCards.push(offer);
    },
    log: { warn: (_o: object, msg?: string) => void warnings.push(msg ?? '') },
  });
  const log = pino({ level: 'silent' });
  return {
    queues,
    played,
    cancels,
    handOffs,
    available,
    kicks,
    hangUps,
    invites,
    rungCards,
    warnings,
    get failCards() {
      return cards.fail;
    },
    set failCards(v: boolean) {
      cards.fail = v;
    },
    async step(callId, s, e, now) {
      const spawned = new Map<string, () => Promise<unknown>>();
      const timers = new Map<string, number>();
      const cleared: string[] = [];
      const notes: string[] = [];
      const placed = new Map<string, PlaceCallRequest>();
      const about = 'callId' in e && e.callId !== undefined ? e.callId : callId;
      const call = {
        id: about,
        state: e.type === 'terminated' ? 'terminated' : 'established',
        source: { displayName: `Caller ${callId}`, id: callId },
        ...(e.type === 'terminated' ? { end: { reason: e.reason, resultInfo: endInfo(e.reason) } } : {}),
      } as unknown as CallView;
      const ctl: FlowControl = {
        key: callId,
        callIds: [callId],
        // As the runtime does: the call the event is about (a ring's events are the agent's call's).
        callId: about,
        bindCall: () => {
          throw new Error('a call-bound flow binds no other call');
        },
        placeCall: (task, req) => {
          placed.set(task, req);
          const to = 'user' in req.to ? req.to.user : 'someone';
          spawned.set(task, async () => ({ id: `ring-${to}` }));
        },
        end: () => {
          throw new Error('a call-bound flow ends with its call');
        },
        call,
        calling,
        now,
        log,
        spawn: (task, work) => void spawned.set(task, work),
        forgetTask: (task) => void spawned.delete(task),
        setTimer: (name, ms) => void timers.set(name, ms),
        clearTimer: (name) => void cleared.push(name),
        note: (text) => void notes.push(text),
      };
      const next = await flow.handle(s, e, ctl);
      return {
        s: next,
        spawned,
        timers,
        cleared,
        notes,
        placed,
        async run(task) {
          const work = spawned.get(task);
          if (!work) throw new Error(`no task ${task} was spawned (${[...spawned.keys()].join(', ')})`);
          try {
            return { type: 'done', task, ok: true, value: await work() };
          } catch (err) {
            return { type: 'done', task, ok: false, error: err as Error };
          }
        },
      };
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
