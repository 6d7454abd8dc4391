// What the parts of click-to-call share: the stored records, the calling service, timings.
import type { Store } from '../../../store';
import type { CallingApi, CoreLogger } from '../../core';
import type { Notifier } from '../notify';
import { updateVersioned, type Voice } from '../reminders';
import type { ConnectRecord } from './types';

/** The part of the calling service click-to-call uses. */
export type ConnectCalling = Pick<
  CallingApi,
  | 'placeCall'
  | 'playPrompt'
  | 'transfer'
  | 'hangUp'
  | 'getCall'
  | 'saveFlow'
  | 'timeline'
  | 'operations'
  | 'waitForOperation'
  | 'on'
>;

export interface ClickToCallTiming {
  /** How often due checks are claimed (default 2 s). */
  readonly pollMs: number;
  /** How often a click-to-call under way is checked, in case an event was missed (default 15 s). */
  readonly checkIntervalMs: number;
  /** A call to A still ringing this long is hung up (default 90 s). */
  readonly ringTimeoutMs: number;
  /** How long the transfer to B may take (B's phone rings meanwhile; default 90 s). */
  readonly transferTimeoutMs: number;
}

export const DEFAULT_CLICK_TO_CALL_TIMING: ClickToCallTiming = {
  pollMs: 2000,
  checkIntervalMs: 15_000,
  ringTimeoutMs: 90_000,
  transferTimeoutMs: 90_000,
};

export const CONNECT_NS = 'click-to-call';
export const CONNECT_JOB = 'clickToCall.check';
export const CONNECT_SCENARIO = 'click-to-call';
export const connectJobKey = (id: string) => `click-to-call:${id}`;

export interface ConnectContext {
  readonly store: Store;
  readonly calling: ConnectCalling;
  readonly notifier?: Notifier;
  /** The chat results go to when the request names none (a conversation id). */
  readonly notifyTarget?: string;
  readonly voice?: Voice;
  readonly logger: CoreLogger;
  readonly timing: ClickToCallTiming;
  readonly now: () => number;
  readonly owner: string;
}

/** The stored record. */
export async function getRecord(ctx: ConnectContext, id: string): Promise<ConnectRecord | undefined> {
  return (await ctx.store.kv.get<ConnectRecord>(CONNECT_NS, id))?.value;
}

/** Changes the record with a version check (undefined from `change`: leave it). */
export async function updateRecord(
  ctx: ConnectContext,
  id: string,
  change: (r: ConnectRecord) => ConnectRecord | undefined,
): Promise<{ value: ConnectRecord | undefined; changed: boolean }> {
  return updateVersioned<ConnectRecord>(ctx.store.kv, CONNECT_NS, id, (r) => {
    const next = change(r);
    return next && { ...next, updatedAt: ctx.now() };
  });
}

/** Wakes the record's check job at `dueAt` (replacing the pending one). */
export async function checkAt(ctx: ConnectContext, id: string, dueAt: number): Promise<void> {
  await ctx.store.jobs.schedule({
    kind: CONNECT_JOB,
    key: connectJobKey(id),
    dueAt,
    payload: { connectId: id },
  });
}
