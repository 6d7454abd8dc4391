// Call records in-process: roster history across joins and leaves, the record built from it (P2P and
// group shapes, failureInfo when never connected), and the delay, flush and listeners of the store.
import assert from 'node:assert/strict';
import path from 'node:path';
import { createClock } from '../../../../emulator/clock';
import type { CallRec, ParticipantRec } from '../../../../emulator/graph';
import { Directory, loadTenant } from '../../../../emulator/people';
import { CallTracker, RecordStore, buildRecord, recordDelayFrom } from '../../../../emulator/records';

const seed = loadTenant(path.resolve(__dirname, '../../../../emulator/seed/tenant.json'));
const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
const APP = seed.apps[0]?.appId ?? '';

const user = (id: string) => ({ identity: { user: { id } } });
const bot = { identity: { application: { id: APP } } };

function participant(id: string, info: object, personId?: string): ParticipantRec {
  return {
    id,
    info: info as Record<string, unknown>,
    isBot: !personId,
    personId,
    isMuted: false,
    isInLobby: false,
    onHold: false,
    sequence: 1,
  };
}

/** Just the call fields the tracker and the builder read. */
function fakeCall(kind: 'p2p' | 'group', createdAt: number): CallRec {
  return {
    id: `call-${kind}`,
    appId: APP,
    kind,
    direction: 'outgoing',
    state: 'establishing',
    callChainId: `chain-${kind}`,
    createdAt,
    requestedModalities: ['audio'],
    targets: [{ identity: { user: { id: ADELE } } }],
    participants: new Map([['bot', participant('bot', bot)]]),
    resultInfo: null,
  } as unknown as CallRec;
}

describe('emulator records: tracker and builder', () => {
  let now = 1_000_000;
  const tracker = new CallTracker(() => now);
  const directory = new Directory(seed);

  it('builds a connected P2P record: one session app → person, no failure', () => {
    const call = fakeCall('p2p', now);
    tracker.changed(call);
    now += 1000;
    call.participants.set('p1', participant('p1', user(ADELE), ADELE));
    call.state = 'established';
    tracker.changed(call);
    now += 5000;
    call.state = 'terminated';
    call.endedAt = now;
    const ended = tracker.ended(call);
    assert.equal(ended.establishedAt, 1_001_000);
    const { record, sessions } = buildRecord(ended, directory, now);
    assert.equal(record.id, 'chain-p2p');
    assert.equal(record.type, 'peerToPeer');
    assert.equal(record.startDateTime, new Date(1_000_000).toISOString());
    assert.equal(record.endDateTime, new Date(1_006_000).toISOString());
    assert.equal(sessions.length, 1);
    const s = sessions[0]!;
    assert.deepEqual((s.caller as { identity: unknown }).identity, bot.identity);
    assert.deepEqual((s.callee as { identity: unknown }).identity, user(ADELE).identity);
    assert.equal(s.failureInfo, null);
    assert.equal(s.segments.length, 1);
  });

  it('marks a P2P call nobody answered as failed at call setup, aimed at its target', () => {
    const call = fakeCall('p2p', now);
    tracker.changed(call);
    call.state = 'terminated';
    call.endedAt = now + 100;
    call.resultInfo = { code: 480, subcode: 10134, message: 'The person declined.' };
    const { sessions } = buildRecord(tracker.ended(call), directory, now);
    assert.deepEqual(sessions[0]!.failureInfo, { stage: 'callSetup', reason: 'The person declined.' });
    assert.deepEqual((sessions[0]!.callee as { identity: unknown }).identity, user(ADELE).identity);
  });

  it('keeps people who left a group call, with their own session times', () => {
    const start = now;
    const call = fakeCall('group', start);
    call.state = 'established';
    call.participants.set('a', participant('a', user(ADELE), ADELE));
    call.participants.set('b', participant('b', user(ALEX), ALEX));
    tracker.changed(call);
    now += 2000;
    call.participants.delete('a');
    tracker.changed(call);
    now += 3000;
    call.state = 'terminated';
    call.endedAt = now;
    const { record, sessions } = buildRecord(tracker.ended(call), directory, now);
    assert.equal(record.type, 'groupCall');
    assert.equal((record.participants as unknown[]).length, 3);
    assert.equal(sessions.length, 3);
    const adele = sessions.find((s) => JSON.stringify(s.caller).includes(ADELE))!;
    const alex = sessions.find((s) => JSON.stringify(s.caller).includes(ALEX))!;
    assert.equal(adele.endDateTime, new Date(start + 2000).toISOString());
    assert.equal(alex.endDateTime, new Date(start + 5000).toISOString());
    assert.equal(
      (adele.callee as Record<string, string>)['@odata.type'],
      '#microsoft.graph.callRecords.serviceEndpoint',
    );
  });
});

describe('emulator records: store', () => {
  const clock = createClock(() => 5_000_000);
  afterEach(() => clock.reset());
  const rec = (id: string) => () => ({ record: { id }, sessions: [], participantsV2: [] });

  it('publishes a record only after the delay on the emulator clock, and tells listeners', () => {
    const store = new RecordStore(clock, 60_000);
    const heard: unknown[] = [];
    store.onRecord((r) => heard.push(r.record.id));
    store.schedule('r1', rec('r1'));
    assert.equal(store.get('r1'), undefined);
    assert.equal(store.summary().pending.length, 1);
    clock.advance(59_000);
    assert.equal(store.get('r1'), undefined);
    clock.advance(1_000);
    assert.deepEqual(store.get('R1')?.record, { id: 'r1' });
    assert.deepEqual(heard, ['r1']);
  });

  it('flushes pending records at once, each once', () => {
    const store = new RecordStore(clock, 60_000);
    const heard: unknown[] = [];
    store.onRecord((r) => heard.push(r.record.id));
    store.schedule('a', rec('a'));
    store.schedule('b', rec('b'));
    assert.deepEqual(store.flush(), ['a', 'b']);
    clock.advance(120_000);
    assert.deepEqual(heard, ['a', 'b']);
    assert.deepEqual(store.summary(), { pending: [], available: ['a', 'b'] });
  });

  it('reads the delay from the environment', () => {
    assert.equal(recordDelayFrom({}), 60_000);
    assert.equal(recordDelayFrom({ EMULATOR_CALLRECORD_DELAY_MS: '250' }), 250);
    assert.throws(() => recordDelayFrom({ EMULATOR_CALLRECORD_DELAY_MS: '-1' }), /must be a number/);
  });
});
