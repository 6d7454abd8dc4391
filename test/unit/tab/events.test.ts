import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { describe, it } from 'mocha';
import { createTabApi, formatEvent } from '../../../teams-tab/api';
import {
  ADELE,
  callModel,
  fakeCalling,
  fakeGraph,
  participant,
  request,
  silentLogger,
  verify,
} from './fakes';

/** Collects the stream's text until `until` matches it (2 s at most). */
function readUntil(body: Readable, until: RegExp): Promise<string> {
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`stream never matched ${until}; got:\n${text}`)), 2000);
    body.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (until.test(text)) {
        clearTimeout(timer);
        body.removeAllListeners('data');
        resolve(text);
      }
    });
  });
}

function events(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split('\n\n')
    .map((block) => /^event: (\S+)\ndata: (.*)$/m.exec(block))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ event: m[1]!, data: JSON.parse(m[2]!) }));
}

describe('tab API: live updates (server-sent events)', () => {
  it('formats one event as an event line, one data line of JSON and a blank line', () => {
    assert.equal(formatEvent('presence', { id: 'a' }), 'event: presence\ndata: {"id":"a"}\n\n');
  });

  it('streams presence changes and the user’s call changes to a ticket holder; a ticket works once', async () => {
    const c = fakeCalling();
    const g = fakeGraph({
      'megan-0000': { id: 'megan-0000', availability: 'Available', activity: 'Available' },
    });
    const api = createTabApi({
      verify,
      logger: silentLogger,
      calling: c.calling,
      graph: g.graph,
      presencePollMs: 30,
    });
    try {
      const issued = await api.edge(
        request('POST', '/api/tab/events/ticket', { token: 'token-adele', body: { ids: ['megan-0000'] } }),
      );
      assert.equal(issued.status, 200);
      const { url, expiresInSeconds } = issued.body as { url: string; expiresInSeconds: number };
      assert.equal(expiresInSeconds, 60);
      const res = await api.edge(request('GET', url));
      assert.equal(res.status, 200);
      assert.match(res.headers?.['content-type'] ?? '', /^text\/event-stream/);
      const body = res.body as Readable;

      const first = await readUntil(body, /event: presence/);
      assert.match(first, /^retry: 3000\n\n/);
      assert.deepEqual(
        events(first).map((e) => e.event),
        ['ready', 'presence'],
      );
      assert.deepEqual(events(first)[1]?.data, {
        id: 'megan-0000',
        availability: 'Available',
        activity: 'Available',
      });

      // A change is sent once; an unchanged poll sends nothing.
      g.presence['megan-0000'] = { id: 'megan-0000', availability: 'Busy', activity: 'InACall' };
      const changed = await readUntil(body, /Busy/);
      assert.equal(events(changed).filter((e) => e.event === 'presence').length, 1);
      // The poll ran as Adele (on-behalf-of her token).
      assert.deepEqual(g.asked[0]?.auth, { kind: 'user', userAssertion: 'token-adele' });

      // Someone else's call is not sent; a call Adele is in is (read from before the first is sent).
      const reading = readUntil(body, /"phase":"ended"/);
      c.emit('callChanged', { call: callModel('other') });
      const mine = callModel('mine', {
        state: 'established',
        phase: 'connected',
        version: 3,
        people: [participant('p1', ADELE.id, 'Adele Vance')],
      });
      c.emit('callChanged', { call: mine });
      // An older version (late, from another instance) is not sent after a newer one.
      c.emit('callChanged', { call: { ...mine, phase: 'ringing', version: 2 } });
      c.emit('callChanged', { call: { ...mine, state: 'terminated', phase: 'ended', version: 4 } });
      const calls = await reading;
      const sent = events(calls).filter((e) => e.event === 'call');
      assert.deepEqual(
        sent.map((e) => {
          const call = (e.data as { call: { id: string; phase: string } }).call;
          return `${call.id}:${call.phase}`;
        }),
        ['mine:connected', 'mine:ended'],
      );

      const again = await api.edge(request('GET', url));
      assert.equal(again.status, 401);
      body.destroy();
    } finally {
      api.close();
    }
  });

  it('ends the stream with an auth event when the user’s token can no longer be exchanged', async () => {
    const g = fakeGraph({});
    g.fail(
      Object.assign(new Error('on-behalf-of failed: AADSTS500133 token expired'), {
        code: 'graph_auth_failed',
      }),
    );
    const api = createTabApi({
      verify,
      logger: silentLogger,
      graph: g.graph,
      presencePollMs: 30,
    });
    try {
      const res = await api.edge(request('GET', '/api/tab/events?ids=megan-0000', { token: 'token-adele' }));
      const body = res.body as Readable;
      const text = await readUntil(body, /event: auth/);
      const auth = events(text).find((e) => e.event === 'auth')?.data as { error: { reason: string } };
      assert.equal(auth.error.reason, 'expired');
      await new Promise<void>((resolve) =>
        body.readableEnded ? resolve() : body.on('end', resolve).resume(),
      );
    } finally {
      api.close();
    }
  });
});
