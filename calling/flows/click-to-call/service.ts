// createClickToCall: call A, and when A answers say who they are being connected to and transfer them
// to B; the result is stored and reported. A check job per click-to-call resumes it after a restart.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../../../store';
import type { CallView, CoreLogger } from '../../core';
import type { Notifier } from '../notify';
import { describeTarget, partyOf, targetOf, type Voice } from '../reminders';
import {
  checkAt,
  CONNECT_NS,
  CONNECT_SCENARIO,
  DEFAULT_CLICK_TO_CALL_TIMING,
  getRecord,
  updateRecord,
  type ClickToCallTiming,
  type ConnectCalling,
  type ConnectContext,
} from './context';
import { ClickToCallError } from './errors';
import { announcement, say } from './drive';
import { finishConnect } from './finish';
import { createConnectRunner } from './runner';
import type { ClickToCallFlow, ConnectRecord, ConnectRequest } from './types';

export interface ClickToCallOptions {
  readonly store: Store;
  readonly calling: ConnectCalling;
  readonly logger: CoreLogger;
  readonly notifier?: Notifier;
  /** The chat results go to when the request names none (a conversation id). */
  readonly notifyTarget?: string;
  /** Text to speech for "connecting you to B"; without one the `connecting` prompt plays. */
  readonly voice?: Voice;
  readonly now?: () => number;
  readonly timing?: Partial<ClickToCallTiming>;
  /** The resource account used when a request names none (needed for phone numbers). */
  readonly defaultFrom?: { readonly applicationInstance: string };
}

export interface ClickToCall {
  /** Calls A; resolves once the call is placed, with the record (its `callId` is the call to A). */
  connect(req: ConnectRequest): Promise<ConnectRecord>;
  get(id: string): Promise<ConnectRecord | undefined>;
  /** Resolves with the record once it has a result (or as it stands when `timeoutMs` runs out). */
  wait(id: string, timeoutMs?: number): Promise<ConnectRecord | undefined>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function party(who: string, name: string | undefined, side: 'A' | 'B') {
  const t = targetOf(who, name);
  if (!t)
    throw new ClickToCallError(
      `${side} ("${who}") is neither a person's object id nor a phone number.`,
      'Give a person (their Entra object id) or a number in E.164 form, e.g. +14255550123.',
    );
  return t;
}

/** Builds click-to-call on a store and the calling service. */
export function createClickToCall(opts: ClickToCallOptions): ClickToCall {
  const ctx: ConnectContext = {
    store: opts.store,
    calling: opts.calling,
    logger: opts.logger.child({ module: 'calling.click-to-call' }),
    timing: { ...DEFAULT_CLICK_TO_CALL_TIMING, ...opts.timing },
    now: opts.now ?? (() => Date.now()),
    owner: `${hostname()}:${process.pid}:${randomUUID()}`,
    ...(opts.notifier ? { notifier: opts.notifier } : {}),
    ...(opts.notifyTarget ? { notifyTarget: opts.notifyTarget } : {}),
    ...(opts.voice ? { voice: opts.voice } : {}),
  };
  const runner = createConnectRunner(ctx);

  return {
    async connect(req) {
      const a = party(req.a, req.aName, 'A');
      const b = party(req.b, req.bName, 'B');
      const from = req.from ?? opts.defaultFrom;
      if ((a.kind === 'phone' || b.kind === 'phone') && !from)
        throw new ClickToCallError(
          'Connecting a phone number needs a resource account with a number.',
          'Pass from: { applicationInstance: <the resource account object id> }.',
        );
      const now = ctx.now();
      const record: ConnectRecord = {
        id: randomUUID(),
        a,
        b,
        requestedBy: req.requestedBy,
        ...(from ? { from } : {}),
        status: 'calling',
        createdAt: now,
        updatedAt: now,
      };
      await ctx.store.kv.put(CONNECT_NS, record.id, record, { expectedVersion: 0 });
      // Speech is made while A's phone rings, so the announcement plays as soon as A answers.
      void say(ctx, announcement(record), []).catch(() => undefined);
      await checkAt(ctx, record.id, now + ctx.timing.checkIntervalMs);
      const flow: ClickToCallFlow = { kind: 'click-to-call', connectId: record.id, step: 'ringing' };
      let call: CallView;
      try {
        call = await ctx.calling.placeCall({
          to: partyOf(a),
          ...(from ? { from } : {}),
          subject: `Connecting you to ${describeTarget(b)}`,
          scenarioId: CONNECT_SCENARIO,
          flow,
        });
      } catch (err) {
        await finishConnect(ctx, record.id, 'failed', `the call to ${describeTarget(a)} could not be placed`);
        throw err;
      }
      const placed = await updateRecord(ctx, record.id, (cur) =>
        cur.callId ? undefined : { ...cur, callId: call.id },
      );
      ctx.logger.info({ connectId: record.id, callId: call.id }, 'click-to-call: calling A');
      return placed.value ?? { ...record, callId: call.id };
    },
    get: (id) => getRecord(ctx, id),
    async wait(id, timeoutMs = 120_000) {
      const end = ctx.now() + timeoutMs;
      for (;;) {
        const r = await getRecord(ctx, id);
        if (!r || r.status === 'done' || ctx.now() >= end) return r;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    start: () => runner.start(),
    stop: () => runner.stop(),
  };
}
