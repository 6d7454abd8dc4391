// The tab API in the real app against the emulator process: SSO tokens from the emulator's Teams host
// route, keys from its Entra JWKS (over https with its CA), presence on behalf of the user, a call the
// app places and its live updates over server-sent events through the real HTTP server.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { TestApp } from '../../helpers/app';
import type { RunningEmulator } from '../../helpers/emulator';
import { useStack } from '../../helpers/stack';

// Answers are read loosely: the shapes are asserted field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
const DIEGO = '78377b16-9ba5-4342-9ed8-cf0ae0629405';

describe('edge: the tab API against the emulator', function () {
  this.timeout(60_000);
  const stack = useStack({
    // The emulated app registration's Application ID URI (PUBLIC_URL names 127.0.0.1 here).
    app: (emu) => ({ TAB_API_AUDIENCE: `api://localhost/${emu.appId}` }),
  });
  let emu: RunningEmulator;
  let app: TestApp;

  async function hostToken(personId: string, fault = 'none'): Promise<string> {
    const res = await fetch(`${emu.httpUrl}/host/token`, {
      method: 'POST',
      body: JSON.stringify({ personId, fault }),
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as { token: string }).token;
  }

  async function api(method: string, p: string, token: string, body?: unknown) {
    const res = await fetch(`${app.url}${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
  }

  before(() => {
    emu = stack.emu;
    app = stack.app;
  });

  it('accepts the host page’s token for the signed-in person', async () => {
    const res = await api('GET', '/api/tab/me', await hostToken(ADELE));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.user.id, ADELE);
    assert.equal(res.body.user.tenantId, emu.tenantId);
    assert.equal(res.body.features.calling, true);
  });

  it('answers a token without our scope, or expired, with the consent shape', async () => {
    const scope = await api('GET', '/api/tab/me', await hostToken(ADELE, 'scope'));
    assert.equal(scope.status, 403);
    assert.equal(scope.body.error.code, 'consent_required');
    const expired = await api('GET', '/api/tab/me', await hostToken(ADELE, 'expired'));
    assert.equal(expired.status, 401);
    assert.equal(expired.body.error.reason, 'expired');
  });

  it('reads presence on behalf of the user', async () => {
    const res = await api('GET', `/api/tab/presence?ids=${ALEX}`, await hostToken(ADELE));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.presences.length, 1);
    assert.equal(res.body.presences[0].id, ALEX);
    assert.equal(typeof res.body.presences[0].availability, 'string');
  });

  it('places a call to a person and streams its progress and the callee’s presence', async () => {
    const token = await hostToken(ADELE);
    const ticket = await api('POST', '/api/tab/events/ticket', token, { ids: [ALEX] });
    assert.equal(ticket.status, 200);
    const seen: string[] = [];
    let text = '';
    const req = http.get(`${app.url}${ticket.body.url}`);
    const response = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/event-stream/);
    const waitFor = (re: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${re} in:\n${text}`)), 20_000);
        const check = () => {
          if (re.test(text)) {
            clearTimeout(timer);
            response.off('data', onData);
            resolve();
          }
        };
        const onData = (c: Buffer) => {
          text += c.toString('utf8');
          seen.push(c.toString('utf8'));
          check();
        };
        response.on('data', onData);
        check();
      });
    try {
      await waitFor(/event: presence\ndata: \{"id":"9b602b58/);
      const placed = await api('POST', '/api/tab/calls', token, { targets: [ALEX] });
      assert.equal(placed.status, 201, JSON.stringify(placed.body));
      const id = placed.body.call.id as string;
      // Alex answers after 1.5 s; the stream says so, and his presence turns to a call.
      await waitFor(new RegExp(`event: call\\ndata: \\{"call":\\{"id":"${id}","state":"established"`));
      const listed = await api('GET', '/api/tab/calls', token);
      assert.deepEqual(
        listed.body.calls.map((c: { id: string }) => c.id),
        [id],
      );
      const hang = await api('POST', `/api/tab/calls/${id}/hangup`, token);
      assert.equal(hang.status, 204);
      await waitFor(new RegExp(`"id":"${id}","state":"terminated"`));
    } finally {
      req.destroy();
    }
  });

  it('joins a meeting from its Teams context and join link, shows its participants with presence, and leaves', async () => {
    const token = await hostToken(ADELE);
    const list = await emu.control<{ value: Json[] }>('GET', '/emulator/meetings');
    const meeting = list.body.value.find((m: Json) => m.chatInfo?.threadId && m.emulator?.seeded);
    assert.ok(meeting, 'the seeded tenant has a meeting');
    const threadId = meeting.chatInfo.threadId as string;
    const meetingId = Buffer.from(`0#${threadId}#0`).toString('base64');

    const before = await api('GET', `/api/tab/meeting?meetingId=${encodeURIComponent(meetingId)}`, token);
    assert.equal(before.status, 200, JSON.stringify(before.body));
    assert.equal(before.body.threadId, threadId);
    assert.equal(before.body.call, null);

    const joined = await api('POST', '/api/tab/meeting/join', token, {
      chatId: threadId,
      joinWebUrl: meeting.joinWebUrl,
    });
    assert.equal(joined.status, 201, JSON.stringify(joined.body));
    const callId = joined.body.call.id as string;
    let inside: Json;
    for (let i = 0; i < 100; i++) {
      inside = await api('GET', `/api/tab/meeting?chatId=${encodeURIComponent(threadId)}`, token);
      if (
        inside.body.call?.state === 'established' &&
        inside.body.participants.some((p: Json) => p.userId === ADELE)
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(inside.body.call.id, callId);
    assert.equal(inside.body.call.kind, 'meeting');
    const adele = inside.body.participants.find((p: Json) => p.userId === ADELE);
    assert.ok(adele, JSON.stringify(inside.body.participants));
    assert.equal(adele.presence.id, ADELE);
    assert.ok(inside.body.participants.some((p: Json) => p.isBot));

    const left = await api('POST', '/api/tab/meeting/leave', token, { chatId: threadId });
    assert.equal(left.status, 204);
    const again = await api('POST', '/api/tab/meeting/leave', token, { chatId: threadId });
    assert.ok([204, 404].includes(again.status));
  });

  it('follows presence with a Graph subscription: a change arrives without waiting for a poll', async () => {
    const token = await hostToken(ADELE);
    const me = await api('GET', '/api/tab/me', token);
    assert.equal(me.body.features.presenceUpdates, 'subscription');
    const ticket = await api('POST', '/api/tab/events/ticket', token, { ids: [DIEGO] });
    const req = http.get(`${app.url}${ticket.body.url}`);
    const response = await new Promise<http.IncomingMessage>((resolve) => req.on('response', resolve));
    let text = '';
    response.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const waitFor = async (re: RegExp, ms: number) => {
      for (let i = 0; i < ms / 50; i++) {
        if (re.test(text)) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no ${re} within ${ms} ms in:\n${text}`);
    };
    try {
      await waitFor(/event: ready\ndata: \{"presenceUpdates":"subscription"/, 10_000);
      await waitFor(/event: presence/, 5_000);
      const subs = await emu.control<{ value: Json[] }>('GET', '/emulator/subscriptions');
      assert.ok(
        subs.body.value.some((s: Json) => String(s.resource).includes(DIEGO)),
        JSON.stringify(subs.body),
      );
      const put = await emu.control('PUT', `/emulator/people/${DIEGO}/presence`, {
        availability: 'DoNotDisturb',
        activity: 'DoNotDisturb',
      });
      assert.equal(put.status, 200);
      // The poll runs every 10 s (60 s once subscribed); 3 s can only be the notification.
      await waitFor(/"availability":"DoNotDisturb"/, 3_000);
    } finally {
      req.destroy();
    }
  });
});
