import assert from 'node:assert/strict';
import type { CallTarget, LiveCall, Requester } from '../../../../bot';
import { CallOperationError, type ConnectRequest } from '../../../../calling';
import { CallNotes, NOTES_NAMESPACE } from '../../../../server/bot-ports/call-notes';
import { createCallsPort, type CallsPortOptions } from '../../../../server/bot-ports/calls-port';
import { FakeCalling, memoryKv, person, self } from './fake-calling';

const adele: CallTarget = {
  kind: 'person',
  person: { id: 'u-adele', displayName: 'Adele Vance', mail: 'adele.vance@contoso.example' },
};
const megan: CallTarget = { kind: 'person', person: { id: 'u-megan', displayName: 'Megan Bowen' } };
const phone: CallTarget = { kind: 'phone', number: '+14255550123' };
const by: Requester = { aadObjectId: 'u-adele', name: 'Adele Vance' };

const quietLogger = () => {
  const warnings: string[] = [];
  return {
    warnings,
    logger: { warn: (_o: object, m?: string) => void warnings.push(m ?? ''), info: () => undefined },
  };
};

function setup(extra: Partial<CallsPortOptions> = {}) {
  let t = 1000;
  const now = () => t;
  const calling = new FakeCalling(now);
  const kv = memoryKv();
  const { logger, warnings } = quietLogger();
  const notes = new CallNotes(kv, logger);
  const port = createCallsPort({ calling, notes, logger, now, ackWaitMs: 30, ...extra });
  const updates: LiveCall[] = [];
  const unsubscribe = port.subscribe((c) => updates.push(c));
  return {
    calling,
    kv,
    port,
    updates,
    unsubscribe,
    warnings,
    notes,
    logger,
    at: (ms: number) => (t = ms),
  };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => T | undefined, what: string, ms = 2000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tick(5);
  }
}

describe('bot ports: calls over the call model', () => {
  it('call a person: the request, and a first snapshot that says whom it rings', async () => {
    const s = setup();
    const placed = await s.port.placeCall(adele, by);
    assert.deepEqual(s.calling.requests, [
      { op: 'placeCall', args: [{ to: { user: 'u-adele', displayName: 'Adele Vance' } }] },
    ]);
    assert.equal(placed.kind, 'p2p');
    assert.equal(placed.phase, 'connecting');
    assert.deepEqual(placed.requestedBy, by);
    assert.deepEqual(placed.participants, [
      { id: 'u-adele', name: 'Adele Vance', kind: 'person', muted: false, joined: false },
    ]);
    // What the card needs later is kept in the store.
    const stored = s.kv.data.get(`${NOTES_NAMESPACE}/${placed.id}`) as Record<string, unknown>;
    assert.equal(stored['kind'], 'p2p');
  });

  it('updates: connected with the time it connected, then ended "hung up by" whoever pressed Hang up', async () => {
    const s = setup();
    const placed = await s.port.placeCall(adele, by);
    s.at(5000);
    s.calling.move(placed.id, 'established', [self, person('u-adele', 'Adele Vance')]);
    const connected = await until(() => s.updates.find((u) => u.phase === 'connected'), 'connected');
    assert.equal(connected.connectedAt, 5000);
    assert.deepEqual(
      connected.participants.map((p) => `${p.name}:${p.kind}:${p.joined}`),
      ['Switchboard:bot:true', 'Adele Vance:person:true'],
    );

    await s.port.hangUp(placed.id, { name: 'Megan Bowen' });
    assert.deepEqual(s.calling.requests.at(-1), { op: 'hangUp', args: [placed.id] });
    s.at(65_000);
    s.calling.move(placed.id, 'terminated', undefined, 'ended by the app');
    const ended = await until(() => s.updates.find((u) => u.phase === 'ended'), 'ended');
    assert.equal(ended.connectedAt, 5000);
    assert.equal(ended.endedAt, 65_000);
    assert.equal(ended.endReason, 'hung up by Megan Bowen');
    // One snapshot per change (the terminated state change is not sent twice), sequences only grow.
    assert.deepEqual(
      s.updates.map((u) => u.phase),
      ['connected', 'ended'],
    );
    assert.ok(s.updates[1]!.sequence! > s.updates[0]!.sequence!);

    s.unsubscribe();
    s.calling.roster(placed.id, []);
    await tick(10);
    assert.equal(s.updates.length, 2);
  });

  it('roster changes are passed on in order, each with a newer sequence', async () => {
    const s = setup();
    const call = await s.port.placeGroupCall([adele, megan], by, 'Standup');
    assert.deepEqual(s.calling.requests[0], {
      op: 'placeCall',
      args: [
        {
          to: [
            { user: 'u-adele', displayName: 'Adele Vance' },
            { user: 'u-megan', displayName: 'Megan Bowen' },
          ],
          subject: 'Standup',
        },
      ],
    });
    assert.equal(call.kind, 'group');
    assert.equal(call.subject, 'Standup');
    s.calling.move(call.id, 'established', [self]);
    s.calling.roster(call.id, [self, person('u-adele', 'Adele Vance')]);
    s.calling.roster(call.id, [self, person('u-adele', 'Adele Vance'), person('u-megan', 'Megan Bowen')]);
    await until(() => (s.updates.length === 3 ? true : undefined), 'three updates');
    assert.deepEqual(
      s.updates.map((u) => u.participants.filter((p) => p.joined && p.kind === 'person').length),
      [0, 1, 2],
    );
    const seqs = s.updates.map((u) => u.sequence!);
    assert.deepEqual(
      [...seqs].sort((a, b) => a - b),
      seqs,
    );
    assert.equal(new Set(seqs).size, 3);

    // Megan hangs up her leg: she left, she is not being rung again.
    s.calling.roster(call.id, [self, person('u-adele', 'Adele Vance')]);
    await until(() => (s.updates.length === 4 ? true : undefined), 'the fourth update');
    assert.deepEqual(
      s.updates[3]!.participants.map((p) => p.name),
      ['Switchboard', 'Adele Vance'],
    );
  });

  it('a phone number needs a resource account to call from', async () => {
    const without = setup();
    await assert.rejects(without.port.placeCall(phone, by), (e: Error & { code?: string; hint?: string }) => {
      assert.equal(e.code, 'pstn_not_configured');
      assert.match(e.hint ?? '', /resource account/);
      return true;
    });
    assert.deepEqual(without.calling.requests, []);

    const withAccount = setup({ pstnSource: { applicationInstance: 'ra-1', displayName: 'Front Desk' } });
    const call = await withAccount.port.placeCall(phone, by);
    assert.equal(call.kind, 'pstn');
    assert.deepEqual(withAccount.calling.requests[0]?.args[0], {
      to: { phone: '+14255550123' },
      from: { applicationInstance: 'ra-1', displayName: 'Front Desk' },
    });
    assert.deepEqual(call.participants[0], {
      id: '+14255550123',
      name: '+14255550123',
      kind: 'phone',
      muted: false,
      joined: false,
    });
  });

  it('a hang-up that fails is reported as a port error and does not mark who hung up', async () => {
    const s = setup();
    s.calling.hangUp = async () => {
      throw new CallOperationError('call_not_found', 'No call c-x is known.');
    };
    await assert.rejects(
      s.port.hangUp('c-x', by),
      (e: Error & { code?: string }) => e.code === 'call_not_found',
    );
    assert.equal((await s.notes.get('c-x')).hungUpBy, undefined);
  });

  it('invite, mute, transfer: a quick failure is shown; a slow operation lets the card carry on', async () => {
    const s = setup();
    const call = await s.port.placeCall(adele, by);
    s.calling.move(call.id, 'established', [self, person('u-adele', 'Adele Vance')]);

    s.calling.nextOp = 'hang';
    const started = Date.now();
    await s.port.invite(call.id, megan, by);
    assert.ok(Date.now() - started >= 25, 'waited for the acknowledgement window');
    const shown = await s.port.get(call.id);
    assert.deepEqual(
      shown?.participants.find((p) => p.name === 'Megan Bowen'),
      { id: 'u-megan', name: 'Megan Bowen', kind: 'person', muted: false, joined: false },
    );

    s.calling.nextOp = new CallOperationError('operation_failed', 'Graph refused to mute (403/0).');
    await assert.rejects(s.port.muteParticipant(call.id, 'p-u-adele', by), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'operation_failed');
      return true;
    });
    await s.port.transfer(call.id, megan, by);
    assert.deepEqual(
      s.calling.requests.map((r) => r.op),
      ['placeCall', 'invite', 'mute', 'transfer'],
    );
    assert.deepEqual(s.calling.requests[3]?.args, [call.id, { user: 'u-megan', displayName: 'Megan Bowen' }]);
  });

  it('join a meeting and call people in once the bot is in it', async () => {
    const s = setup();
    const url = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0';
    const joined = await s.port.joinMeeting(url, by, [megan]);
    assert.equal(joined.kind, 'meeting');
    assert.deepEqual(s.calling.requests, [{ op: 'joinMeeting', args: [url] }]);
    await tick(20);
    assert.equal(
      s.calling.requests.some((r) => r.op === 'invite'),
      false,
      'nobody is called before the bot is in',
    );
    s.calling.move(joined.id, 'established', [self]);
    const invite = await until(() => s.calling.requests.find((r) => r.op === 'invite'), 'the invite');
    assert.deepEqual(invite.args, [joined.id, [{ user: 'u-megan', displayName: 'Megan Bowen' }]]);
  });

  it('close stops following calls and abandons pending follow-ups', async () => {
    const s = setup();
    const joined = await s.port.joinMeeting('https://teams.microsoft.com/l/meetup-join/x/0', by, [megan]);
    s.port.close();
    assert.equal(s.calling.listeners(), 0);
    s.calling.move(joined.id, 'established', [self]);
    await tick(20);
    assert.equal(s.updates.length, 0);
    assert.equal(
      s.calling.requests.some((r) => r.op === 'invite'),
      false,
    );
  });

  it('list and get read the live calls; notes outlive the instance that wrote them', async () => {
    const s = setup();
    const a = await s.port.placeCall(adele, by);
    const b = await s.port.placeCall(megan, by);
    s.at(4000);
    s.calling.move(a.id, 'established', [self, person('u-adele', 'Adele Vance')]);
    s.calling.move(b.id, 'terminated', undefined, 'the callee did not respond');
    await until(() => (s.updates.length === 2 ? true : undefined), 'both updates');
    assert.deepEqual(
      (await s.port.listLive()).map((c) => c.id),
      [a.id],
    );
    assert.equal(await s.port.get('nope'), undefined);

    // Another instance (or a restart) over the same store draws the same card.
    const other = createCallsPort({
      calling: s.calling,
      notes: new CallNotes(s.kv, s.logger),
      logger: s.logger,
    });
    const seen = await other.get(a.id);
    assert.equal(seen?.kind, 'p2p');
    assert.equal(seen?.connectedAt, 4000);
    assert.deepEqual(seen?.requestedBy, by);
    other.close();
  });

  it('connect says it is not set up until click-to-call is given; then it is used', async () => {
    const s = setup();
    await assert.rejects(
      s.port.connect(adele, megan, by),
      (e: Error & { code?: string }) => e.code === 'not_configured',
    );
    const asked: ConnectRequest[] = [];
    const port = createCallsPort({
      calling: s.calling,
      notes: s.notes,
      logger: s.logger,
      clickToCall: {
        async connect(req) {
          asked.push(req);
          const call = await s.calling.placeCall({ to: { user: req.a } });
          return {
            id: 'cc-1',
            a: { kind: 'user', id: req.a },
            b: { kind: 'user', id: req.b },
            requestedBy: req.requestedBy,
            status: 'calling',
            callId: call.id,
            createdAt: 0,
            updatedAt: 0,
          };
        },
      },
    });
    const live = await port.connect(adele, megan, by);
    assert.deepEqual(asked, [
      {
        a: 'u-adele',
        aName: 'Adele Vance',
        b: 'u-megan',
        bName: 'Megan Bowen',
        requestedBy: { id: 'u-adele', name: 'Adele Vance' },
      },
    ]);
    assert.equal(live.kind, 'connect');
    assert.deepEqual(
      live.participants.map((p) => `${p.name}:${p.joined}`),
      ['Adele Vance:false', 'Megan Bowen:false'],
    );
    // B is handed A once A answers: while A is on the line, B is not shown as in the call.
    s.calling.move(live.id, 'established', [self, person('u-adele', 'Adele Vance')]);
    const shown = await port.get(live.id);
    assert.deepEqual(
      shown?.participants.filter((p) => p.kind === 'person').map((p) => `${p.name}:${p.joined}`),
      ['Adele Vance:true', 'Megan Bowen:false'],
    );
    await assert.rejects(
      port.connect(adele, phone, by),
      (e: Error & { code?: string }) => e.code === 'pstn_not_configured',
    );
    assert.equal(asked.length, 1);
    port.close();
  });
});
