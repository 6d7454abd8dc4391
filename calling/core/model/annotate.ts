// Writing what the app knows about a call (annotations.ts) from the calling API: under the call's lock,
// with the next version, announced as `callChanged` once stored.
import type { StoredCall } from '../../../store';
import type { CoreContext } from '../context';
import { readMeta, type CallMeta } from './annotations';
import type { Call } from './call';
import { callModel } from './call-model';

/** The model of a stored call, with the app's name on its own leg. */
export function modelOf(ctx: Pick<CoreContext, 'appName'>, call: StoredCall): Call {
  return callModel(call, ctx.appName ? { appName: ctx.appName } : {});
}

/** Announces a stored version of a call. */
export function announce(ctx: CoreContext, call: StoredCall): void {
  ctx.emitter.emit({ name: 'callChanged', payload: { call: modelOf(ctx, call) } });
}

/**
 * Changes a call's annotations; returns the call as stored (undefined when no such call is known).
 * Nothing is written, and nothing announced, when the edit changes nothing.
 */
export async function annotate(
  ctx: CoreContext,
  callId: string,
  edit: (meta: CallMeta, call: StoredCall) => CallMeta,
): Promise<StoredCall | undefined> {
  const saved = await ctx.store.locks.withLock(`call:${callId}`, async () => {
    const call = await ctx.data.calls.get(callId);
    if (!call) return undefined;
    const meta = edit(readMeta(call.meta), call);
    if (JSON.stringify(meta) === JSON.stringify(readMeta(call.meta))) return { call, fresh: false };
    const next = { ...call, meta, version: call.version + 1 };
    await ctx.data.calls.update(callId, { meta, version: next.version });
    return { call: next, fresh: true };
  });
  if (saved?.fresh) announce(ctx, saved.call);
  return saved?.call;
}
