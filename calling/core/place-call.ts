// Placing calls (P2P, PSTN from a resource account, ad hoc group) and joining meetings by link.
import type { Call } from '@microsoft/microsoft-graph-types';
import { parseJoinUrl } from '../graph/join-url';
import { idKey } from '../ids';
import type { CoreContext } from './context';
import { CallOperationError } from './errors';
import { identitySetOf, invitee, SERVICE_HOSTED_MEDIA, type Party } from './requests';
import { announce } from './model/annotate';
import { withConsultFor } from './model/consultation';
import {
  readMeta,
  withAnnotations,
  withRinging,
  type CallAnnotations,
  type CallMeta,
} from './model/annotations';
import { rungOfParty } from './model/keys';
import { callView, type CallView } from './views';

/** Who the app calls from: by default the app itself; a resource account (needed for PSTN). */
export interface CallSource {
  readonly applicationInstance: string;
  readonly displayName?: string;
}

export interface PlaceCallRequest extends CallAnnotations {
  /** One party (a P2P call) or several (an ad hoc group call, up to 5 people). */
  readonly to: Party | readonly Party[];
  readonly from?: CallSource;
  readonly subject?: string;
  readonly scenarioId?: string;
  /** Initial flow position stored with the call. */
  readonly flow?: unknown;
  /** The flow (runtime key) that receives the call's events from its first notification on. */
  readonly flowKey?: string;
  /** Tenant of the call (default: the app's tenant). */
  readonly tenantId?: string;
  /** This call brings someone into that call (its id): a leg shown within it (model/consultation.ts). */
  readonly consultationFor?: string;
}

export interface JoinMeetingOptions extends Omit<CallAnnotations, 'purpose'> {
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
  meta: {
    scenarioId?: string;
    flow?: unknown;
    flowKey?: string;
    summary: string;
    notes: (m: CallMeta, at: number) => CallMeta;
  },
): Promise<CallView> {
  const created = await ctx.graph.createCall(body as Call, { tenantId });
  if (!created.id)
    throw new CallOperationError('invalid_request', 'Graph created a call but returned no id.');
  const wireId = created.id;
  const id = idKey(wireId);
  const now = ctx.clock.now();
  // Under the call's lock: its first notifications may already be processing and may have made the row.
  const stored = await ctx.store.locks.withLock(`call:${id}`, async () => {
    const existing = await ctx.data.calls.get(id);
    const notes = meta.notes(readMeta(existing?.meta), now);
    if (!existing) {
      // The create answer's spelling, unless a notification that overtook it made the row first: the
      // first spelling learned stays for the call's life (README, *Ids*).
      await ctx.data.calls.insert({
        id,
        wireId,
        tenantId,
        direction: 'outgoing',
        state: created.state ?? 'establishing',
        resource: created as Record<string, unknown>,
        myParticipantId: created.myParticipantId ?? null,
        participants: { present: {}, gone: {} },
        marks: {},
        flow: meta.flow ?? null,
        ...(meta.flowKey === undefined ? {} : { flowKey: meta.flowKey }),
        scenarioId: meta.scenarioId ?? null,
        createdAt: now,
        updatedAt: now,
        lastNotifiedAt: null,
        endedAt: null,
        endCode: null,
        endSubcode: null,
        endReason: null,
        meta: notes,
        version: 1,
      });
    } else {
      await ctx.data.calls.update(id, {
        meta: notes,
        version: existing.version + 1,
        ...(meta.scenarioId ? { scenarioId: meta.scenarioId } : {}),
        ...(meta.flow !== undefined ? { flow: meta.flow } : {}),
        ...(meta.flowKey !== undefined ? { flowKey: meta.flowKey } : {}),
        ...(existing.myParticipantId === null && created.myParticipantId
          ? { myParticipantId: created.myParticipantId }
          : {}),
      });
    }
    await ctx.data.timeline.add([{ callId: id, at: now, kind: 'request', summary: meta.summary }]);
    return (await ctx.data.calls.get(id))!;
  });
  ctx.logger.child({ callId: id, scenarioId: meta.scenarioId }).info({ tenantId }, meta.summary);
  await announce(ctx, stored);
  return callView(stored);
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
  const serves = req.consultationFor === undefined ? undefined : idKey(req.consultationFor);
  // A leg notes the call it serves; announcing the leg makes that call list it (model/annotate.ts).
  return create(ctx, body, tenantId, {
    scenarioId: req.scenarioId,
    flow: req.flow,
    ...(req.flowKey === undefined ? {} : { flowKey: req.flowKey }),
    summary: `placed ${parties.length > 1 ? 'a group call' : 'a call'} to ${who}`,
    notes: (m, at) =>
      withConsultFor(withRinging(withAnnotations(m, req), parties.map(rungOfParty), 'target', at), serves),
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
    notes: (m) =>
      withAnnotations(m, {
        ...opts,
        purpose: 'meeting',
        meeting: { joinUrl, ...opts.meeting, ...(opts.subject ? { subject: opts.subject } : {}) },
      }),
  });
}
