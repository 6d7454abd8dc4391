// Placing, joining, answering, rejecting, redirecting, transferring and hanging up calls.
import type { Call } from '@microsoft/microsoft-graph-types';
import { isCallingError } from '../errors';
import { parseJoinUrl } from '../graph/join-url';
import { normaliseId } from '../webhook/resource-url';
import { appendLocal, graphCtx, LIVE, requireCall, type CoreContext } from './context';
import { CallOperationError } from './errors';
import { identitySetOf, invitee, SERVICE_HOSTED_MEDIA, type Party } from './requests';
import { readRoster } from './roster';
import { runOperation } from './run-operation';
import { callView, type CallView, type OperationView } from './views';

/** Who the app calls from: by default the app itself; a resource account (needed for PSTN). */
export interface CallSource {
  readonly applicationInstance: string;
  readonly displayName?: string;
}

export interface PlaceCallRequest {
  /** One party (a P2P call) or several (an ad hoc group call, up to 5 people). */
  readonly to: Party | readonly Party[];
  readonly from?: CallSource;
  readonly subject?: string;
  readonly scenarioId?: string;
  /** Initial flow position stored with the call. */
  readonly flow?: unknown;
  /** Tenant of the call (default: the app's tenant). */
  readonly tenantId?: string;
}

export interface JoinMeetingOptions {
  readonly subject?: string;
  readonly scenarioId?: string;
  readonly flow?: unknown;
  readonly displayName?: string;
}

function sourceOf(ctx: CoreContext, from: CallSource | undefined) {
  const identity = from
    ? identitySetOf({
        applicationInstance: from.applicationInstance,
        ...(from.displayName ? { displayName: from.displayName } : {}),
      })
    : {
        '@odata.type': '#microsoft.graph.identitySet',
        application: {
          '@odata.type': '#microsoft.graph.identity',
          id: ctx.appId,
          ...(ctx.appName ? { displayName: ctx.appName } : {}),
        },
      };
  return { '@odata.type': '#microsoft.graph.participantInfo', identity };
}

async function create(
  ctx: CoreContext,
  body: Record<string, unknown>,
  tenantId: string,
  meta: { scenarioId?: string; flow?: unknown; summary: string },
): Promise<CallView> {
  const created = await ctx.graph.createCall(body as Call, { tenantId });
  if (!created.id)
    throw new CallOperationError('invalid_request', 'Graph created a call but returned no id.');
  const id = normaliseId(created.id);
  const now = ctx.clock.now();
  // Under the call's lock: its first notifications may already be processing and may have made the row.
  await ctx.store.locks.withLock(`call:${id}`, async () => {
    const existing = await ctx.data.calls.get(id);
    if (!existing) {
      await ctx.data.calls.insert({
        id,
        tenantId,
        direction: 'outgoing',
        state: created.state ?? 'establishing',
        resource: created as Record<string, unknown>,
        myParticipantId: created.myParticipantId ?? null,
        participants: { present: {}, gone: {} },
        marks: {},
        flow: meta.flow ?? null,
        scenarioId: meta.scenarioId ?? null,
        createdAt: now,
        updatedAt: now,
        lastNotifiedAt: null,
        endedAt: null,
        endCode: null,
        endSubcode: null,
        endReason: null,
      });
    } else {
      await ctx.data.calls.update(id, {
        ...(meta.scenarioId ? { scenarioId: meta.scenarioId } : {}),
        ...(meta.flow !== undefined ? { flow: meta.flow } : {}),
        ...(existing.myParticipantId === null && created.myParticipantId
          ? { myParticipantId: created.myParticipantId }
          : {}),
      });
    }
    await ctx.data.timeline.add([{ callId: id, at: now, kind: 'request', summary: meta.summary }]);
  });
  ctx.logger.child({ callId: id, scenarioId: meta.scenarioId }).info({ tenantId }, meta.summary);
  return callView((await ctx.data.calls.get(id))!);
}

/** Places a P2P call (a user, or a phone number from a resource account) or an ad hoc group call. */
export async function placeCall(ctx: CoreContext, req: PlaceCallRequest): Promise<CallView> {
  const parties = Array.isArray(req.to) ? (req.to as readonly Party[]) : [req.to as Party];
  if (parties.length === 0) throw new CallOperationError('invalid_request', 'Say whom to call.');
  if (parties.some((p) => 'phone' in p) && !req.from) {
    throw new CallOperationError(
      'invalid_request',
      'Calling a phone number needs a resource account as the source: pass from: { applicationInstance: <its object id> }.',
    );
  }
  const tenantId = req.tenantId ?? ctx.tenantId;
  const body = {
    '@odata.type': '#microsoft.graph.call',
    callbackUri: ctx.callbackUrl,
    requestedModalities: ['audio'],
    mediaConfig: SERVICE_HOSTED_MEDIA,
    source: sourceOf(ctx, req.from),
    targets: parties.map((p) => invitee(p, { tenantId })),
    tenantId,
    ...(req.subject ? { subject: req.subject } : {}),
  };
  const who = parties
    .map((p) => ('user' in p ? p.user : 'phone' in p ? p.phone : p.applicationInstance))
    .join(', ');
  return create(ctx, body, tenantId, {
    scenarioId: req.scenarioId,
    flow: req.flow,
    summary: `placed ${parties.length > 1 ? 'a group call' : 'a call'} to ${who}`,
  });
}

/** Joins a Teams meeting from its link (long meetup-join form or short /meet/ form). */
export async function joinMeeting(
  ctx: CoreContext,
  joinUrl: string,
  opts: JoinMeetingOptions = {},
): Promise<CallView> {
  const coords = parseJoinUrl(joinUrl);
  const tenantId = coords.kind === 'organizer' ? coords.tenantId : ctx.tenantId;
  const body = {
    '@odata.type': '#microsoft.graph.call',
    callbackUri: ctx.callbackUrl,
    requestedModalities: ['audio'],
    mediaConfig: SERVICE_HOSTED_MEDIA,
    source: sourceOf(ctx, undefined),
    ...(coords.kind === 'organizer'
      ? { chatInfo: { '@odata.type': '#microsoft.graph.chatInfo', ...coords.chatInfo } }
      : {}),
    meetingInfo: coords.meetingInfo,
    tenantId,
    ...(opts.subject ? { subject: opts.subject } : {}),
  };
  return create(ctx, body, tenantId, {
    scenarioId: opts.scenarioId,
    flow: opts.flow,
    summary: 'joined a meeting',
  });
}

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
        call.id,
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
  await ctx.graph.reject(call.id, { reason }, graphCtx(call));
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
    call.id,
    {
      targets: targets.map((t) => invitee(t, { tenantId: call.tenantId })),
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
        const entry = readRoster(call.participants).present[opts.transfereeParticipantId];
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
      const replaces = opts.replacesCallId ? normaliseId(opts.replacesCallId) : undefined;
      await ctx.graph.transfer(
        call.id,
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
    { states: LIVE, byState: true, timeoutMs: opts.timeoutMs ?? 60_000 },
  );
}

/** Hangs up (in a group call: leaves it). A call Graph no longer knows is ended locally. */
export async function hangUp(ctx: CoreContext, callId: string): Promise<void> {
  const call = await requireCall(ctx, callId, undefined, 'hang up');
  await ctx.data.timeline.add([{ callId, at: ctx.clock.now(), kind: 'request', summary: 'hang up' }]);
  try {
    await ctx.graph.deleteCall(call.id, graphCtx(call));
  } catch (err) {
    if (!isCallingError(err, 'graph_call_gone')) throw err;
    await appendLocal(ctx, call, 'gone', {});
  }
}

/** Sends one keepAlive; false (and the call ended locally) when Graph says the call is gone. */
export async function keepAlive(ctx: CoreContext, callId: string): Promise<boolean> {
  const call = await requireCall(ctx, callId, undefined, 'keepAlive');
  try {
    await ctx.graph.keepAlive(call.id, graphCtx(call));
    await ctx.data.timeline.add([{ callId, at: ctx.clock.now(), kind: 'request', summary: 'keepAlive ok' }]);
    return true;
  } catch (err) {
    if (!isCallingError(err, 'graph_call_gone')) throw err;
    await ctx.data.timeline.add([
      { callId, at: ctx.clock.now(), kind: 'request', summary: 'keepAlive: call gone (404)' },
    ]);
    await appendLocal(ctx, call, 'gone', {});
    return false;
  }
}
