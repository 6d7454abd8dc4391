// Writing what the app knows about a call (annotations.ts) from the calling API: under the call's lock,
// with the next version, announced as `callChanged` once stored.
import type { StoredCall } from '../../storage';
import type { CoreContext } from '../context';
import { readMeta, type CallMeta } from './annotations';
import type { Call } from './call';
import { withConsultation } from './consultation';
import { callModel } from './call-model';

/** The rows of a call's consultation legs that are stored, oldest first. */
async function legsOf(ctx: Pick<CoreContext, 'data'>, call: StoredCall): Promise<StoredCall[]> {
  const keys = readMeta(call.meta).consultations ?? [];
  if (keys.length === 0) return [];
  const rows = await ctx.data.calls.getMany(keys);
  return keys.flatMap((k) => rows.filter((r) => r.id === k));
}

/** The model of a stored call, with the app's name on its own leg and its consultation legs' people. */
export async function modelOf(ctx: Pick<CoreContext, 'appName' | 'data'>, call: StoredCall): Promise<Call> {
  const legs = await legsOf(ctx, call);
  return callModel(call, {
    ...(ctx.appName ? { appName: ctx.appName } : {}),
    ...(legs.length ? { legs } : {}),
  });
}

/** Whether the row is a consultation leg, which surfaces see only within the call it serves. */
export const isConsultationLeg = (call: StoredCall) => readMeta(call.meta).consultFor !== undefined;

/**
 * Announces a stored version of a call. A consultation leg's change is a change of the call it serves,
 * announced as that call. A served call that does not list the leg yet (its placement is still noting
 * it, or the instance died before it did) is made to list it, which announces it. A failed read is
 * logged with the call id; the next change announces again.
 */
export async function announce(ctx: CoreContext, call: StoredCall): Promise<void> {
  try {
    const serves = readMeta(call.meta).consultFor;
    const served = serves === undefined ? undefined : await ctx.data.calls.get(serves);
    if (served && !readMeta(served.meta).consultations?.includes(call.id)) {
      await annotate(ctx, served.id, (m) => withConsultation(m, call.id));
      return;
    }
    ctx.emitter.emit({ name: 'callChanged', payload: { call: await modelOf(ctx, served ?? call) } });
  } catch (err) {
    ctx.logger.child({ callId: call.id }).warn({ err }, 'could not announce a change of the call model');
  }
}

/**
 * Changes a call's annotations; returns the call as stored (undefined when no such call is known).
 * Nothing is written, and nothing announced, when the edit changes nothing.
 */
export async function annotate(
  ctx: CoreContext,
  callId: string,
  edit: (meta: CallMeta, call: StoredCall) => CallMeta,
  opts: { waitMs?: number } = {},
): Promise<StoredCall | undefined> {
  const lockOpts = opts.waitMs === undefined ? {} : { waitMs: opts.waitMs };
  const saved = await ctx.store.locks.withLock(
    `call:${callId}`,
    async () => {
      const call = await ctx.data.calls.get(callId);
      if (!call) return undefined;
      const meta = edit(readMeta(call.meta), call);
      if (JSON.stringify(meta) === JSON.stringify(readMeta(call.meta))) return { call, fresh: false };
      const next = { ...call, meta, version: call.version + 1 };
      await ctx.data.calls.update(callId, { meta, version: next.version });
      return { call: next, fresh: true };
    },
    lockOpts,
  );
  if (saved?.fresh) await announce(ctx, saved.call);
  return saved?.call;
}

// How long an action waits to note something on the call before going on without the note.
const NOTE_WAIT_MS = 2000;

/**
 * Notes what an action is about to do (a hang-up, a mute, whom an invitation rings) without ever holding
 * the action back: when the call's lock is busy (another instance, or a dead one's lease) or the write
 * fails, the action goes on and the miss is logged with the call id.
 */
export async function noteQuietly(
  ctx: CoreContext,
  callId: string,
  edit: (meta: CallMeta, call: StoredCall) => CallMeta,
): Promise<void> {
  try {
    await annotate(ctx, callId, edit, { waitMs: NOTE_WAIT_MS });
  } catch (err) {
    ctx.logger
      .child({ callId })
      .warn({ err }, 'could not note an action on the call model; going on without');
  }
}
