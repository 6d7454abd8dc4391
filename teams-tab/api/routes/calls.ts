// Calls the app places for the user, and the controls of the user's live calls.
import { z } from 'zod';
import type { Call } from '../../../calling';
import type { TabUser } from '../auth/types';
import { fromTab, isUsersCall, toTabCall } from '../calls/call-view';
import type { TabApiParts } from '../create-tab-api';
import { badRequest, noCalling, TabError } from '../errors';
import type { TabCalling } from '../ports';
import type { RouteContext, TabRoute } from '../router';
import { parseBody } from './parse';

const userId = z.string().trim().min(1).max(100);
const PlaceBody = z.looseObject({
  targets: z.array(userId).min(1).max(5),
  subject: z.string().trim().max(200).optional(),
});
const ConnectBody = z.looseObject({ first: userId, second: userId });
const InviteBody = z.looseObject({ targets: z.array(userId).min(1).max(10) });
const AnnounceBody = z.looseObject({ prompt: z.string().min(1).max(100) });

const DAY_MS = 24 * 3600_000;

/** The call model, or a 503 when this deployment has none. */
export function needCalling(calling: TabCalling | undefined): TabCalling {
  if (!calling) throw noCalling();
  return calling;
}

export function callRoutes(p: TabApiParts): TabRoute[] {
  /** The call `id` if it is the user's; 404 otherwise (another user's call is not shown to exist). */
  async function usersCall(ctx: RouteContext): Promise<Call> {
    const id = ctx.params['id'] ?? '';
    const call = await needCalling(p.calling).callModel(id);
    if (!call || !isUsersCall(call, ctx.user))
      throw new TabError(404, 'call_not_found', `No call ${id} of yours is known to Switchboard.`);
    return call;
  }

  async function shown(callId: string) {
    const call = await needCalling(p.calling).callModel(callId);
    if (!call)
      throw new TabError(404, 'call_not_found', `Call ${callId} was placed but is not known any more.`);
    return { status: 201, body: { call: toTabCall(call) } };
  }

  /** A group call with the people named and, unless `withUser` is false, the user who asked. */
  async function place(user: TabUser, targets: readonly string[], subject?: string, withUser = true) {
    if (new Set(targets.map((t) => t.toLowerCase())).size !== targets.length)
      throw badRequest('targets: each person may be named once.');
    const everyone =
      !withUser || targets.some((t) => t.toLowerCase() === user.id.toLowerCase())
        ? targets
        : [user.id, ...targets];
    const placed = await needCalling(p.calling).placeCall({
      to: everyone.map((id) => ({ user: id, tenantId: user.tenantId })),
      tenantId: user.tenantId,
      ...(subject ? { subject } : {}),
      purpose: 'group',
      origin: fromTab(user),
    });
    p.logger.info({ callId: placed.id, userId: user.id, targets: targets.length }, 'tab placed a call');
    return shown(placed.id);
  }

  // What the call says to the user ("Connecting you to Megan Bowen") names the person, never their id.
  async function nameOf(user: TabUser, id: string): Promise<string | undefined> {
    if (!p.graph) return undefined;
    try {
      const u = await p.graph.users.getUser(
        id,
        { kind: 'user', userAssertion: user.assertion },
        { tenantId: user.tenantId },
      );
      return u.displayName ?? undefined;
    } catch (err) {
      p.logger.warn({ err, userId: id }, 'the person to connect with is not in the directory');
      return undefined;
    }
  }

  /** The user and one other person: the user is rung first, then the other is brought in. */
  async function connectWith(user: TabUser, target: string) {
    if (target.toLowerCase() === user.id.toLowerCase())
      throw badRequest('targets: name someone other than yourself.');
    const calling = needCalling(p.calling);
    if (!p.clickToCall) return place(user, [target]);
    const bName = await nameOf(user, target);
    const record = await p.clickToCall.connect({
      a: user.id,
      aName: user.displayName,
      b: target,
      ...(bName ? { bName } : {}),
      requestedBy: { id: user.id, name: user.displayName },
    });
    if (!record.callId)
      throw new TabError(502, 'call_not_placed', 'The call to you could not be placed; try again.');
    await calling.annotate(record.callId, { purpose: 'connect', origin: fromTab(user) });
    p.logger.info({ callId: record.callId, userId: user.id }, 'tab connected the user with someone');
    return shown(record.callId);
  }

  return [
    {
      method: 'POST',
      pattern: '/calls',
      async handle({ req, user }) {
        const body = await parseBody(req, PlaceBody);
        const [only] = body.targets;
        return body.targets.length === 1 && only
          ? connectWith(user, only)
          : place(user, body.targets, body.subject);
      },
    },
    {
      method: 'POST',
      pattern: '/calls/connect',
      async handle({ req, user }) {
        const body = await parseBody(req, ConnectBody);
        // Two other people talk to each other; the user who connected them is not in the call.
        return place(user, [body.first, body.second], `Connected by ${user.displayName}`, false);
      },
    },
    {
      method: 'GET',
      pattern: '/calls',
      async handle({ req, user }) {
        const all = req.query.get('all') === '1';
        const calling = needCalling(p.calling);
        const since = (p.now ?? Date.now)() - DAY_MS;
        const calls = await calling.listCallModels(all ? { limit: 500 } : { active: true, limit: 500 });
        const recent = calls.filter((c) => !all || c.endedAt === undefined || c.endedAt >= since);
        const mine = recent.filter((c) => isUsersCall(c, user));
        return { status: 200, body: { calls: mine.map(toTabCall) } };
      },
    },
    {
      method: 'GET',
      pattern: '/calls/:id',
      handle: async (ctx) => ({ status: 200, body: { call: toTabCall(await usersCall(ctx)) } }),
    },
    {
      method: 'POST',
      pattern: '/calls/:id/hangup',
      async handle(ctx) {
        const call = await usersCall(ctx);
        await needCalling(p.calling).hangUp(call.id, { by: ctx.user.displayName });
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/calls/:id/participants',
      async handle(ctx) {
        const call = await usersCall(ctx);
        const body = await parseBody(ctx.req, InviteBody);
        const op = await needCalling(p.calling).participants.invite(
          call.id,
          body.targets.map((id) => ({ user: id, tenantId: ctx.user.tenantId })),
        );
        return { status: 202, body: { operationId: op.id } };
      },
    },
    {
      method: 'POST',
      pattern: '/calls/:id/participants/:participantId/mute',
      async handle(ctx) {
        const call = await usersCall(ctx);
        const op = await needCalling(p.calling).participants.mute(call.id, ctx.params['participantId'] ?? '');
        return { status: 202, body: { operationId: op.id } };
      },
    },
    {
      method: 'DELETE',
      pattern: '/calls/:id/participants/:participantId',
      async handle(ctx) {
        const call = await usersCall(ctx);
        await needCalling(p.calling).participants.remove(call.id, ctx.params['participantId'] ?? '');
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      pattern: '/calls/:id/announce',
      async handle(ctx) {
        const call = await usersCall(ctx);
        const body = await parseBody(ctx.req, AnnounceBody);
        const prompt = (p.prompts ?? []).find((x) => x.name === body.prompt);
        if (!prompt) throw badRequest(`prompt: "${body.prompt}" is not one of GET /api/tab/prompts.`);
        const op = await needCalling(p.calling).playPrompt(call.id, prompt.name);
        return { status: 202, body: { operationId: op.id } };
      },
    },
    {
      method: 'GET',
      pattern: '/prompts',
      handle: async () => ({ status: 200, body: { prompts: p.prompts ?? [] } }),
    },
  ];
}
