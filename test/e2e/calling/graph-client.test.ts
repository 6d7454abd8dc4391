// The app's Graph client (calling/graph) against the real emulator process over HTTPS with its local CA:
// msal-node tokens from the emulated Entra ID, calls, injected 429/503/504 faults, error mapping. On-behalf-of
// has a file of its own (graph-token-provider.test.ts).
import assert from 'node:assert/strict';
import path from 'node:path';
import pino from 'pino';
import type { Call } from '@microsoft/microsoft-graph-types';
import { createGraphServices, parseJoinUrl } from '../../../calling/graph';
import type { GraphServices } from '../../../calling/graph';
import { CallingError } from '../../../calling/errors';
import { createOutbound, type Outbound } from '../../../calling/http';
import { createEntra } from '../../../emulator/entra';
import type { EntraTenant } from '../../../emulator/entra';
import { rejectsWith } from '../../helpers/calling-error';
import { startEmulator } from '../../helpers/emulator';
import { startPromptServer } from '../emulator/fixture';
import type { RunningEmulator } from '../../helpers/emulator';

interface LogLine {
  msg: string;
  level: number;
  time: number;
  method?: string;
  path?: string;
  attempt?: number;
  status?: number;
  clientRequestId?: string;
  requestId?: string;
  waitMs?: number;
  callId?: string;
}

const SERVICE_MEDIA = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' };

function p2p(userId: string): Call {
  return {
    '@odata.type': '#microsoft.graph.call',
    callbackUri: 'https://127.0.0.1:9/api/calls',
    targets: [{ identity: { user: { id: userId } } }],
    requestedModalities: ['audio'],
    mediaConfig: SERVICE_MEDIA,
  } as Call;
}

function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

describe('calling/graph client against the emulator (e2e)', function () {
  this.timeout(60_000);
  let emu: RunningEmulator;
  let g: GraphServices;
  let net: Outbound;
  const logs: LogLine[] = [];
  // A different person for each call: someone still in the previous call would be busy.
  let nextPerson = 0;
  const person = () => {
    const answering = emu.people.filter((p) => p.script.onRing === 'answer');
    const p = answering[nextPerson++ % answering.length];
    assert.ok(p, 'the seeded tenant has people who answer');
    return p.id;
  };
  const hangUp = async (id: string | null | undefined) => {
    await g.calls.deleteCall(id ?? '').catch((err: unknown) => {
      if (!(err instanceof CallingError && err.code === 'graph_call_gone')) throw err;
    });
  };

  function services(secret = emu.appSecret): GraphServices {
    const logger = pino(
      { level: 'debug' },
      { write: (s: string) => void logs.push(JSON.parse(s) as LogLine) },
    );
    return createGraphServices({
      clientId: emu.appId,
      clientSecret: secret,
      tenantId: emu.tenantId,
      graphBaseUrl: `${emu.url}/v1.0`,
      authorityHost: emu.url,
      fetch: net.fetch,
      // Graph requests as the app sends them: undici's request over the same dispatcher.
      sendText: net.sendText,
      logger,
    });
  }
  const attemptsOf = (clientRequestIds: ReadonlySet<string>) =>
    logs.filter((l) => l.clientRequestId && clientRequestIds.has(l.clientRequestId));
  const attemptLines = () =>
    logs.filter((l) => l.msg === 'graph request' || l.msg === 'graph request failed');

  before(async () => {
    emu = await startEmulator();
    net = createOutbound({ extraCa: emu.ca });
    g = services();
  });
  after(async () => {
    await net?.close();
    await emu?.stop();
  });
  afterEach(async () => {
    await emu.control('POST', '/emulator/faults', { graph: { status: 429, count: 0 } });
  });

  it('gets an app token from the emulated Entra ID over https with msal, and reuses it while it is valid', async () => {
    const first = await g.tokens.appToken();
    const claims = jwtPayload(first);
    assert.equal(claims.tid, emu.tenantId);
    assert.equal(claims.aud, 'https://graph.microsoft.com');
    assert.ok((claims.roles as string[]).includes('Calls.Initiate.All'));
    assert.equal(await g.tokens.appToken(emu.tenantId), first, 'the second token comes from the cache');

    const wrong = services('not-the-secret');
    const err = await rejectsWith(wrong.tokens.appToken(), 'graph_auth_failed');
    assert.match(err.message, /AADSTS7000215/);
    assert.match(err.message, /MicrosoftAppPassword is not a valid client secret/);
  });

  it('creates a P2P call and GETs it', async () => {
    const call = await g.calls.createCall(p2p(person()));
    assert.ok(call.id);
    assert.equal(call.state, 'establishing');
    const got = await g.calls.getCall(call.id);
    assert.equal(got.id, call.id);
    assert.ok(['establishing', 'established'].includes(got.state ?? ''), got.state ?? '');
    await hangUp(call.id);
  });

  it('waits for Retry-After on a 429, then succeeds with a new client-request-id', async () => {
    const call = await g.calls.createCall(p2p(person()));
    const id = call.id ?? '';
    assert.equal(
      (
        await emu.control('POST', '/emulator/faults', {
          graph: { status: 429, count: 1, retryAfterSeconds: 1 },
        })
      ).status,
      200,
    );
    const started = Date.now();
    const res = await g.graph.request<Call>({
      method: 'GET',
      path: `/communications/calls/${id}`,
      context: { callId: id },
    });
    const elapsed = Date.now() - started;
    assert.equal(res.status, 200);
    assert.equal(res.body?.id, id);
    assert.equal(res.attempts, 2);
    assert.ok(elapsed >= 950, `the retry came after ${elapsed} ms, before the 1 s Retry-After`);
    const retried = logs.filter(
      (l) => l.msg === 'retrying graph request' && l.path === `/communications/calls/${id}`,
    );
    assert.equal(retried.at(-1)?.waitMs, 1000);
    const tries = attemptLines()
      .filter((l) => l.path === `/communications/calls/${id}` && l.method === 'GET')
      .slice(-2);
    assert.deepEqual(
      tries.map((l) => l.status),
      [429, 200],
    );
    assert.notEqual(tries[0]?.clientRequestId, tries[1]?.clientRequestId);
    assert.equal(tries[1]?.clientRequestId, res.clientRequestId);
    assert.equal(res.headers['client-request-id'], res.clientRequestId, 'Graph echoes the id we sent');
    assert.equal((await emu.control('GET', '/emulator/faults')).body.graph.remaining, 0);
    await hangUp(id);
  });

  it('retries a 503 on a POST (not processed, so safe) and places exactly one call', async () => {
    const before = new Set(
      ((await emu.control('GET', '/emulator/calls')).body.value as { id: string }[]).map((c) => c.id),
    );
    await emu.control('POST', '/emulator/faults', { graph: { status: 503, count: 1, retryAfterSeconds: 0 } });
    const call = await g.calls.createCall(p2p(person()));
    const now = ((await emu.control('GET', '/emulator/calls')).body.value as { id: string }[]).map(
      (c) => c.id,
    );
    assert.deepEqual(
      now.filter((c) => !before.has(c)),
      [call.id],
      'one new call',
    );
    const tries = attemptLines()
      .filter((l) => l.method === 'POST' && l.path === '/communications/calls')
      .slice(-2);
    assert.deepEqual(
      tries.map((l) => l.status),
      [503, 201],
    );
    await hangUp(call.id);
  });

  it('does not repeat a POST after a 504 (outcome unknown) but does repeat a GET', async () => {
    await emu.control('POST', '/emulator/faults', { graph: { status: 504, count: 1 } });
    const err = await rejectsWith(g.calls.createCall(p2p(person())), 'graph_timeout');
    assert.match(err.message, /may or may not have taken effect/);
    assert.equal(err.details?.attempts, 1);

    const call = await g.calls.createCall(p2p(person()));
    await emu.control('POST', '/emulator/faults', { graph: { status: 504, count: 1 } });
    const res = await g.graph.request({ method: 'GET', path: `/communications/calls/${call.id ?? ''}` });
    assert.equal(res.attempts, 2);
    await hangUp(call.id);
  });

  it('runs media actions on an established call and returns their operations', async () => {
    const prompts = await startPromptServer();
    const call = await g.calls.createCall(p2p(person()));
    const id = call.id ?? '';
    try {
      const deadline = Date.now() + 10_000;
      while ((await g.calls.getCall(id)).state !== 'established') {
        assert.ok(Date.now() < deadline, 'the call was not established within 10 s');
        await new Promise((r) => setTimeout(r, 200));
      }
      const tone = await g.calls.subscribeToTone(id, { clientContext: 'tone-1' });
      assert.ok(tone.id);
      assert.equal(tone.status, 'completed');
      const play = await g.calls.playPrompt(id, {
        clientContext: 'play-1',
        prompts: [
          {
            '@odata.type': '#microsoft.graph.mediaPrompt',
            mediaInfo: { uri: `${prompts.base}/thirty-seconds.wav` },
          },
        ],
      });
      assert.ok(play.id, 'playPrompt named its operation');
      assert.equal(play.clientContext, 'play-1');
      const fetched = await g.calls.getOperation(id, play.id);
      assert.equal(fetched.id, play.id);
      const cancel = await g.calls.cancelMediaProcessing(id, { clientContext: 'cancel-1' });
      assert.ok(cancel.id);
      assert.notEqual(cancel.id, play.id);
      const roster = await g.participants.listParticipants(id);
      assert.ok(roster.length >= 1, "the roster lists the call's participants");
      await rejectsWith(g.participants.getParticipant(id, 'no-such-participant'), 'graph_not_found');
    } finally {
      await hangUp(id);
      await prompts.stop();
    }
  });

  it('maps a call that has ended to graph_call_gone', async () => {
    const call = await g.calls.createCall(p2p(person()));
    const id = call.id ?? '';
    await g.calls.deleteCall(id);
    // The hang-up goes through terminating first; keepAlive answers 404 once the call is gone.
    const deadline = Date.now() + 15_000;
    let gone: CallingError | undefined;
    while (!gone && Date.now() < deadline) {
      try {
        await g.calls.keepAlive(id);
        await new Promise((r) => setTimeout(r, 250));
      } catch (err) {
        gone = err as CallingError;
      }
    }
    assert.ok(gone instanceof CallingError, 'keepAlive kept succeeding on a deleted call');
    assert.equal(gone.code, 'graph_call_gone', gone.message);
    assert.equal(gone.status, 404);
    assert.ok(gone.requestId && gone.clientRequestId);
    await rejectsWith(g.calls.getCall(id), 'graph_call_gone');
  });

  it('maps a missing application permission to graph_permission_missing, naming it', async () => {
    const original = (emu.tenant.apps as { appId: string; graphRoles: string[] }[]).find(
      (a) => a.appId === emu.appId,
    )?.graphRoles;
    assert.ok(original);
    const patched = await emu.control('PATCH', `/emulator/apps/${emu.appId}`, {
      graphRoles: ['User.Read.All'],
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    try {
      // A new provider: the cached token still carries the old roles.
      const fresh = services();
      const err = await rejectsWith(fresh.calls.createCall(p2p(person())), 'graph_permission_missing');
      assert.equal(err.status, 403);
      assert.match(err.message, /Calls\.Initiate\.All/);
      assert.match(err.message, /admin consent/);
    } finally {
      await emu.control('PATCH', `/emulator/apps/${emu.appId}`, { graphRoles: original });
    }
  });

  it('resolves people: display-name prefix search, get by UPN, and a clear not-found', async () => {
    const adele = emu.people.find((p) => p.displayName === 'Adele Vance');
    assert.ok(adele);
    const found = await g.users.searchUsers('Ad', { top: 5 });
    assert.ok(
      found.some((u) => u.id === adele.id),
      JSON.stringify(found),
    );
    assert.ok(found.every((u) => u.displayName?.startsWith('Ad')));
    const byUpn = await g.users.getUser(adele.userPrincipalName);
    assert.equal(byUpn.id, adele.id);
    const err = await rejectsWith(g.users.getUser('nobody@contoso.example'), 'graph_not_found');
    assert.match(err.message, /nobody@contoso\.example/);
  });

  it('reads presence for one user and for everyone in one batch request', async () => {
    const one = await g.presence.getPresence(person());
    assert.ok(one.availability, JSON.stringify(one));
    const ids = emu.people.map((p) => p.id);
    const batches = () =>
      attemptLines().filter((l) => l.path === '/communications/getPresencesByUserId').length;
    const before = batches();
    const all = await g.presence.getPresences(ids);
    assert.deepEqual(new Set(all.map((p) => p.id)), new Set(ids));
    assert.equal(batches() - before, 1);
  });

  it('calls Graph as the signed-in user through on-behalf-of', async () => {
    const who = emu.people[3];
    assert.ok(who);
    const tenant = (await emu.control('GET', '/emulator/tenant')).body as EntraTenant;
    // The user's token for our API, signed with the emulator's own keys (kept beside its ca.pem).
    const entra = await createEntra({
      publicBase: emu.url,
      dataDir: path.dirname(emu.caPath),
      tenant: () => tenant,
      now: () => Date.now(),
    });
    const userAssertion = await entra.mintUserToken(who.id);
    const auth = { kind: 'user', userAssertion } as const;
    const me = await g.graph.request<{ id: string }>({ method: 'GET', path: '/me', auth });
    assert.equal(me.body?.id, who.id);
    const theirs = await g.presence.getPresence(person(), auth);
    assert.ok(theirs.availability);
    const own = await g.meetings.createMeeting(
      { kind: 'user', userAssertion },
      { subject: 'Made by the user' },
    );
    assert.ok(own.joinWebUrl);
    const coords = parseJoinUrl(own.joinWebUrl);
    assert.ok(coords.kind === 'organizer');
    assert.equal(coords.meetingInfo.organizer.user.id, who.id, 'the signed-in user organises it');
  });

  it('creates, finds and joins an online meeting, and names the access-policy fix when it is missing', async () => {
    const policy = (emu.tenant.applicationAccessPolicies as { users: string[] }[])[0];
    const covered = emu.people.find((p) => policy?.users.includes(p.id));
    const uncovered = emu.people.find((p) => !policy?.users.includes(p.id));
    assert.ok(covered && uncovered);
    const actor = { kind: 'app', organizerId: covered.id } as const;
    const start = new Date(Date.now() + 3_600_000);
    const meeting = await g.meetings.createMeeting(actor, {
      subject: 'Graph client e2e',
      startDateTime: start.toISOString(),
      endDateTime: new Date(start.getTime() + 1_800_000).toISOString(),
    });
    assert.ok(meeting.id && meeting.joinWebUrl);
    assert.equal((await g.meetings.getMeeting(actor, meeting.id)).id, meeting.id);
    assert.equal((await g.meetings.findMeetingByJoinUrl(actor, meeting.joinWebUrl))?.id, meeting.id);
    const otherThread = meeting.joinWebUrl.replace(/meeting_/i, 'meeting_Zz');
    assert.notEqual(otherThread, meeting.joinWebUrl);
    assert.equal(await g.meetings.findMeetingByJoinUrl(actor, otherThread), undefined);

    const first = await g.meetings.createOrGetMeeting(actor, {
      externalId: 'e2e-graph-client',
      subject: 'Once',
    });
    const again = await g.meetings.createOrGetMeeting(actor, {
      externalId: 'e2e-graph-client',
      subject: 'Once',
    });
    assert.deepEqual([first.created, again.created], [true, false]);
    assert.equal(again.meeting.id, first.meeting.id);

    // The join link Graph handed out is what parseJoinUrl reads; the call service accepts its coordinates.
    const join = parseJoinUrl(meeting.joinWebUrl);
    assert.ok(join.kind === 'organizer');
    assert.equal(join.tenantId, emu.tenantId);
    assert.equal(join.meetingInfo.organizer.user.id, covered.id);
    const call = await g.calls.createCall({
      '@odata.type': '#microsoft.graph.call',
      callbackUri: 'https://127.0.0.1:9/api/calls',
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
      chatInfo: join.chatInfo,
      meetingInfo: join.meetingInfo,
      tenantId: join.tenantId,
    } as Call);
    assert.ok(call.id);
    await hangUp(call.id);

    const err = await rejectsWith(
      g.meetings.createMeeting({ kind: 'app', organizerId: uncovered.id }, { subject: 'Not allowed' }),
      'graph_access_policy_missing',
    );
    assert.equal(err.status, 403);
    assert.match(
      err.message,
      new RegExp(`Grant-CsApplicationAccessPolicy -PolicyName <policyName> -Identity ${uncovered.id}`),
    );
    assert.match(err.message, /New-CsApplicationAccessPolicy/);
  });

  it('sent a distinct client-request-id with every request, and the emulator saw those requests', async () => {
    const call = await g.calls.createCall(p2p(person()));
    const id = call.id ?? '';
    await g.calls.getCall(id);
    await g.calls.keepAlive(id);
    await g.calls.deleteCall(id);
    const lines = attemptLines();
    assert.ok(lines.length >= 10, `only ${lines.length} requests logged`);
    const ids = lines.map((l) => l.clientRequestId);
    assert.ok(ids.every((x) => typeof x === 'string' && /^[0-9a-f-]{36}$/.test(x)));
    assert.equal(new Set(ids).size, ids.length, 'a client-request-id was reused');

    const timeline = (await emu.control('GET', `/emulator/calls/${id}/timeline`)).body.value as {
      kind: string;
      requestId?: string;
      method?: string;
    }[];
    const seen = new Set(timeline.filter((e) => e.kind === 'request').map((e) => e.requestId));
    const ours = attemptsOf(new Set(lines.map((l) => l.clientRequestId ?? ''))).filter(
      (l) => l.callId === id && l.requestId,
    );
    assert.ok(ours.length >= 3, 'the call-scoped requests were logged with the call id');
    for (const l of ours)
      assert.ok(
        seen.has(l.requestId),
        `request ${l.method} ${l.path} (${l.requestId}) is not in the call's timeline`,
      );
  });
});
