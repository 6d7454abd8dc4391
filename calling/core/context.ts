// Everything the call model's parts share, built once by createCallingService.
import { randomUUID } from 'node:crypto';
import type { CallData, CallingStorage, StoredCall } from '../storage';
import type { GraphContext } from '../graph/types';
import { idKey } from '../ids';
import type { CallQueue } from './call-queue';
import { ACTIVE_STATES, type CallState } from './call-machine';
import { CallOperationError } from './errors';
import type { CallingEmitter } from './events';
import type { OperationTracker } from './operation-tracker';
import type { CallGraph, Clock, CoreLogger } from './ports';
import { contentHash, type StoredNotification } from './stored-notification';

/** Timings, all in milliseconds; every one has a default suited to production. */
export interface CallingTiming {
  /** How long an operation may take before its promise rejects (default 120 s). */
  readonly operationTimeoutMs: number;
  /**
   * How long a transfer may take to be accepted or fail (default 90 s). Graph rings the target for up
   * to 60 s and then reports the failure; giving up first would leave the call `transferring` for a
   * moment longer, and a prompt played then is refused.
   */
  readonly transferTimeoutMs: number;
  /** keepAlive cadence per established call (default 15 min; Graph ends calls after 45 min without one). */
  readonly keepAliveIntervalMs: number;
  /** A live call with no notification for this long is checked with a GET (default 20 min). */
  readonly reconcileSilenceMs: number;
  /** How often the reconciliation runs (default 5 min). */
  readonly reconcileIntervalMs: number;
  /** How often due jobs are claimed (default 5 s). */
  readonly jobPollMs: number;
  /** How often backlogs nobody works on are picked up (default 5 s). */
  readonly sweepIntervalMs: number;
  /** How long processing waits for a call's lock before retrying later (default 10 s). */
  readonly lockWaitMs: number;
}

export const DEFAULT_TIMING: CallingTiming = {
  operationTimeoutMs: 120_000,
  transferTimeoutMs: 90_000,
  keepAliveIntervalMs: 15 * 60_000,
  reconcileSilenceMs: 20 * 60_000,
  reconcileIntervalMs: 5 * 60_000,
  jobPollMs: 5000,
  sweepIntervalMs: 5000,
  lockWaitMs: 10_000,
};

/**
 * The resourceId Graph should cache a prompt's media under: the same for the same content, another for
 * other content; undefined when the content behind the URL is not known (Graph then fetches it each time).
 */
export type PromptResourceId = (uri: string) => Promise<string | undefined>;

export interface CoreContext {
  readonly store: CallingStorage;
  readonly data: CallData;
  readonly graph: CallGraph;
  readonly logger: CoreLogger;
  readonly clock: Clock;
  readonly appId: string;
  readonly appName?: string;
  readonly tenantId: string;
  readonly callbackUrl: string;
  readonly promptsBaseUrl: string;
  /** Graph's media cache key for a prompt's URL (mediaInfo.resourceId), when its content is known. */
  readonly promptResourceId?: PromptResourceId;
  readonly timing: CallingTiming;
  readonly tracker: OperationTracker;
  readonly emitter: CallingEmitter;
  readonly queue: CallQueue;
}

/** The call, or CallOperationError: call_not_found, call_ended, or call_wrong_state when not in `states`. */
export async function requireCall(
  ctx: CoreContext,
  callId: string,
  states?: ReadonlySet<CallState>,
  action = 'this action',
): Promise<StoredCall> {
  const call = await ctx.data.calls.get(callId);
  if (!call)
    throw new CallOperationError('call_not_found', `No call ${callId} is known to this app.`, { callId });
  if (call.state === 'terminated') {
    throw new CallOperationError(
      'call_ended',
      `Call ${callId} has ended (${call.endReason ?? 'no reason given'}).`,
      {
        callId,
      },
    );
  }
  if (states && !states.has(call.state as CallState)) {
    throw new CallOperationError(
      'call_wrong_state',
      `Call ${callId} is ${call.state}; ${action} needs it to be ${[...states].join(' or ')}.`,
      { callId },
    );
  }
  return call;
}

export const LIVE = ACTIVE_STATES;

/** How Graph spelled the id of a call this app knows (given in any spelling); else the id as given. */
export async function wireIdOf(ctx: CoreContext, callId: string): Promise<string> {
  return (await ctx.data.calls.get(idKey(callId)))?.wireId ?? callId;
}

/** Graph request context for a call (its key names it in logs and for gone-graph.ts). */
export function graphCtx(call: StoredCall, clientContext?: string): GraphContext {
  return { tenantId: call.tenantId, callId: call.id, ...(clientContext ? { clientContext } : {}) };
}

/** Adds a row of our own to a call's inbox (a 404 seen, a GET refresh) and has it processed in order. */
export async function appendLocal(
  ctx: CoreContext,
  call: Pick<StoredCall, 'id' | 'wireId' | 'tenantId'>,
  local: 'gone' | 'refresh',
  resourceData: Record<string, unknown>,
): Promise<void> {
  const n: StoredNotification = {
    changeType: local === 'gone' ? 'deleted' : 'updated',
    resourceUrl: `/communications/calls/${call.id}`,
    kind: 'call',
    callId: call.id,
    callWireId: call.wireId,
    resourceData,
    local,
  };
  await ctx.data.inbox.append([
    {
      callId: call.id,
      tenantId: call.tenantId,
      receivedAt: ctx.clock.now(),
      notification: n,
      contentHash: `${contentHash(n)}:${randomUUID()}`,
    },
  ]);
  ctx.queue.nudge(call.id);
}
