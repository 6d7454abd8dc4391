// The control API's load-testing parts against an in-process call service: generated people and the
// measured reactions (fed as main.ts feeds them).
import assert from 'node:assert/strict';
import { ReactionRecorder } from '../../../../emulator/reactions';
import { controlFixture, seed } from '../../../helpers/control-fixture';

interface Generated {
  id: string;
  displayName: string;
  userPrincipalName: string;
  script: { onRing: string };
}

describe('emulator control API for load tests', () => {
  const reactions = new ReactionRecorder();
  const { clock, svc, control: call } = controlFixture({ now: 7_000_000, deps: { reactions } });
  svc.engine.watch((c, entry) => reactions.observe(c, entry));

  after(() => clock.reset());

  it('adds distinct numbered people who can call the app, and a reset drops them', async () => {
    const first = await call('POST', '/emulator/people', { count: 3, script: { onRing: 'ignore' } });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    const people = (first.body as { value: Generated[] }).value;
    assert.deepEqual(
      people.map((p) => p.displayName),
      ['Caller 0001', 'Caller 0002', 'Caller 0003'],
    );
    assert.equal(new Set(people.map((p) => p.id)).size, 3);
    assert.equal(people[0]!.userPrincipalName, `caller-0001@${seed.domain}`);
    assert.equal(people[0]!.script.onRing, 'ignore');
    const more = (await call('POST', '/emulator/people', { count: 1, namePrefix: 'Storm caller' })).body as {
      value: Generated[];
    };
    assert.equal(more.value[0]!.displayName, 'Storm caller 0004');
    assert.equal(more.value[0]!.script.onRing, 'answer');
    const listed = (await call('GET', '/emulator/people')).body as { value: { id: string }[] };
    assert.equal(listed.value.length, seed.people.length + 4);

    const placed = await call('POST', `/emulator/people/${people[1]!.id}/call`, { to: 'app' });
    assert.equal(placed.status, 201, JSON.stringify(placed.body));

    await call('POST', '/emulator/reset');
    assert.equal((await call('GET', `/emulator/people/${people[1]!.id}`)).status, 404);
    const again = (await call('POST', '/emulator/people', { count: 1 })).body as { value: Generated[] };
    assert.equal(again.value[0]!.displayName, 'Caller 0001', 'numbering starts again after a reset');
  });

  it('refuses a count out of range, a bad prefix and an invalid script', async () => {
    for (const body of [{}, { count: 0 }, { count: 1.5 }, { count: 5001 }, { count: 1, namePrefix: ' ' }])
      assert.equal((await call('POST', '/emulator/people', body)).status, 400, JSON.stringify(body));
    const bad = await call('POST', '/emulator/people', { count: 1, script: { onRing: 'perhaps' } });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.body), /Invalid script/);
  });

  it('serves the reactions per app, counts them cheaply, clears them, and a reset clears them too', async () => {
    const added = (await call('POST', '/emulator/people', { count: 1 })).body as { value: Generated[] };
    const person = added.value[0]!;
    const { callId } = (await call('POST', `/emulator/people/${person.id}/call`, { to: 'app' })).body as {
      callId: string;
    };
    clock.advance(60); // the incoming notification goes out
    const callRec = svc.engine.find(callId)!;
    const note = callRec.timeline.find((e) => e.kind === 'notification')!;
    // main.ts notes the delivery steps; here the first POST goes out now, answered 20 ms later.
    svc.engine.note(callRec, 'delivery', { event: 'sent', attempt: 1, seq: note.seq });
    const sentAt = clock.now();
    reactions.request(callRec, {
      method: 'POST',
      path: `/v1.0/communications/calls/${callId}/answer`,
      at: sentAt + 20,
      status: 202,
      rawBody: '{}',
    });
    const all = (await call('GET', '/emulator/reactions')).body as {
      samples: { ms: number; appId: string }[];
    };
    assert.deepEqual(
      all.samples.map((s) => [s.appId, s.ms]),
      [[seed.apps[0]!.appId, 20]],
    );
    const other = (await call('GET', '/emulator/reactions?appId=someone-else')).body as {
      samples: unknown[];
    };
    assert.deepEqual(other.samples, []);
    const counts = (await call('GET', '/emulator/reactions/counts')).body as {
      samples: number;
      live: Record<string, number>;
    };
    assert.equal(counts.samples, 1);
    assert.deepEqual(counts.live, {}, 'a call still ringing is not live');
    assert.equal((await call('DELETE', '/emulator/reactions')).status, 204);
    assert.equal(((await call('GET', '/emulator/reactions/counts')).body as { samples: number }).samples, 0);
    reactions.samples.push({
      ...all.samples[0]!,
      callId,
      stimulus: 'incoming',
      sentAt,
      action: 'answer',
      status: 202,
    });
    await call('POST', '/emulator/reset');
    assert.equal(reactions.samples.length, 0);
  });
});
