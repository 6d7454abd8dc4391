// Answering, rejecting, redirecting, transferring, hanging up and keeping calls alive.
import { isCallingError } from '../errors';
import { isCallState, type CallState } from './call-machine';
import { appendLocal, graphCtx, LIVE, requireCall, wireIdOf, type CoreContext } from './context';
import { CallOperationError } from './errors';
import { noteQuietly } from './model/annotate';
import { withHangUp, withRinging } from './model/annotations';
import { rungOfParty } from './model/keys';
import { invitee, SERVICE_HOSTED_MEDIA, type Party } from './requests';
import { presentEntry, readRoster } from './roster';
import { runOperation } from './run-operation';
import type { OperationView } from './views';

const INCOMING = new Set(['incoming'] as const);

/** Answers an incoming call; resolves once it is established. */
export function answer(
  ctx: CoreContext,
  callId: string,
  opts: { timeoutMs?: number } = {},
): Promise<OperationView> {
  return runOperation(
    ctx,
    callId,
    'answer',
    (call) =>
      ctx.graph.answer(
        call.wireId,
        { callbackUri: ctx.callbackUrl, acceptedModalities: ['audio'], mediaConfig: SERVICE_HOSTED_MEDIA },
        graphCtx(call),
      ),
    { states: INCOMING, byState: true, timeoutMs: opts.timeoutMs ?? 30_000 },
  );
}

/** Rejects an incoming call. */
export async function reject(
  ctx: CoreContext,
  callId: string,
  reason: 'none' | 'busy' | 'forbidden' = 'none',
): Promise<void> {
  const call = await requireCall(ctx, callId, INCOMING, 'reject');
  await ctx.graph.reject(call.wireId, { reason }, graphCtx(call));
  await ctx.data.timeline.add([
    { callId, at: ctx.clock.now(), kind: 'request', summary: `rejected (${reason})` },
  ]);
}

/** Redirects an incoming call; several targets ring at once (first to answer wins). */
export async function redirect(
  ctx: CoreContext,
  callId: string,
  targets: readonly Party[],
  opts: { timeoutSeconds?: number } = {},
): Promise<void> {
  const call = await requireCall(ctx, callId, INCOMING, 'redirect');
  if (targets.length === 0)
    throw new CallOperationError('invalid_request', 'Say where to redirect the call.', { callId });
  await ctx.graph.redirect(
    call.wireId,
    {
      targets: targets.map((t) => invitee(t, { tenantId: call.tenantId })),
      // Where Graph tells of the redirected call, as the documented requests say it.
      callbackUri: ctx.callbackUrl,
      ...(opts.timeoutSeconds ? { timeout: opts.timeoutSeconds } : {}),
    },
    graphCtx(call),
  );
  await ctx.data.timeline.add([
    { callId, at: ctx.clock.now(), kind: 'request', summary: `redirected to ${targets.length} target(s)` },
  ]);
}

export interface TransferOptions {
  /** Consultative transfer: the id of this app's call with the target, which the transfer replaces. */
  readonly replacesCallId?: string;
  /** Group calls: the participant to move out of the call. */
  readonly transfereeParticipantId?: string;
  readonly timeoutMs?: number;
}

/** Transfers the call (blind, or consultative with replacesCallId); resolves when Graph accepts it. */
export function transfer(
  ctx: CoreContext,
  callId: string,
  target: Party,
  opts: TransferOptions = {},
): Promise<OperationView> {
  return runOperation(
    ctx,
    callId,
    'transfer',
    async (call) => {
      let transferee: Record<string, unknown> | undefined;
      if (opts.transfereeParticipantId) {
        const entry = presentEntry(readRoster(call.participants), opts.transfereeParticipantId);
        if (!entry) {
          throw new CallOperationError(
            'invalid_request',
            `Participant ${opts.transfereeParticipantId} is not in call ${callId}.`,
            { callId },
          );
        }
        const info = (entry.resource['info'] ?? {}) as Record<string, unknown>;
        transferee = {
          '@odata.type': '#microsoft.graph.participantInfo',
          identity: info['identity'],
          participantId: entry.id,
        };
      }
      const replaces = opts.replacesCallId ? await wireIdOf(ctx, opts.replacesCallId) : undefined;
      // The call model shows whom the call is being put through to, by name, while it rings them.
      await noteQuietly(ctx, call.id, (m) =>
        withRinging(m, [rungOfParty(target)], 'transfer', ctx.clock.now()),
      );
      await ctx.graph.transfer(
        call.wireId,
        {
          transferTarget: invitee(target, {
            tenantId: call.tenantId,
            ...(replaces ? { replacesCallId: replaces } : {}),
          }),
          ...(transferee ? { transferee } : {}),
        },
        graphCtx(call),
      );
    },
    { states: LIVE, byState: true, timeoutMs: opts.timeoutMs ?? ctx.timing.transferTimeoutMs },
  );
}

/**
 * Hangs up (in a group call: leaves it). A call Graph no longer knows is ended locally (gone-graph.ts).
 * `by` names the person who asked, so the call's end says who hung up.
 */
export async function hangUp(ctx: CoreContext, callId: string, opts: { by?: string } = {}): Promise<void> {
  const call = await requireCall(ctx, callId, undefined, 'hang up');
  await noteQuietly(ctx, call.id, (m) => withHangUp(m, ctx.clock.now(), opts.by));
  const who = opts.by ? ` (asked by ${opts.by})` : '';
  await ctx.data.timeline.add([{ callId, at: ctx.clock.now(), kind: 'request', summary: `hang up${who}` }]);
  try {
    await ctx.graph.deleteCall(call.wireId, graphCtx(call));
  } catch (err) {
    if (!isCallingError(err, 'graph_call_gone')) throw err;
  }
}

/**
 * Reads the call from Graph and processes the answer like a notification (a 404 ends it locally);
 * resolves with the state Graph reported.
 */
export async function refresh(ctx: CoreContext, callId: string): Promise<CallState | undefined> {
  const call = await requireCall(ctx, callId, undefined, 'refresh');
  const fresh = await ctx.graph.getCall(call.wireId, graphCtx(call));
  await appendLocal(ctx, call, 'refresh', fresh as Record<string, unknown>);
  return isCallState(fresh.state) ? fresh.state : undefined;
}

/** Sends one keepAlive; false (and the call ended locally, by gone-graph.ts) when Graph says the call is gone. */
export async function keepAlive(ctx: CoreContext, callId: string): Promise<boolean> {
  const call = await requireCall(ctx, callId, undefined, 'keepAlive');
  try {
    await ctx.graph.keepAlive(call.wireId, graphCtx(call));
    await ctx.data.timeline.add([{ callId, at: ctx.clock.now(), kind: 'request', summary: 'keepAlive ok' }]);
    return true;
  } catch (err) {
    if (!isCallingError(err, 'graph_call_gone')) throw err;
    await ctx.data.timeline.add([
      { callId, at: ctx.clock.now(), kind: 'request', summary: 'keepAlive: call gone (404)' },
    ]);
    return false;
  }
}
