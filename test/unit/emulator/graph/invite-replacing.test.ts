// Invite with replacesCallId: Graph reads only the first participant and ignores the rest; the call's
// timeline says which were ignored.
import assert from 'node:assert/strict';
import type { CallRec } from '../../../../emulator/graph';
import { APP, graphHarness, userTarget } from './graph-harness';
import type { Harness } from './graph-harness';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const ALEX = '9b602b58-81c6-43ef-bb23-f7145adb1914';
const DIEGO = '78377b16-9ba5-4342-9ed8-cf0ae0629405';
const MEGAN = '2c0fd3f4-495a-4f8d-9668-9ce043008303';

describe('emulator invite with replacesCallId and several participants', () => {
  let h: Harness;

  beforeEach(() => {
    h = graphHarness();
    for (const id of [ADELE, ALEX, DIEGO, MEGAN])
      h.svc.engine.directory.setScript(id, { onRing: 'answer', answerAfterMs: 100 });
  });
  afterEach(() => h.stop());

  /** An established P2P call of the app with the person. */
  async function established(personId: string): Promise<CallRec> {
    const res = await h.graph(APP.appId, 'POST', '/communications/calls', {
      '@odata.type': '#microsoft.graph.call',
      callbackUri: 'https://app.example/api/calls',
      targets: [userTarget(personId)],
      requestedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const call = h.svc.engine.find((res.body as { id: string }).id);
    assert.ok(call);
    h.clock.advance(50);
    h.clock.advance(100);
    assert.equal(call.state, 'established');
    return call;
  }

  it('moves the first participant over, ignores the others and notes them on the timeline', async () => {
    const old = await established(ADELE);
    const main = await established(ALEX);
    const res = await h.graph(APP.appId, 'POST', `/communications/calls/${main.id}/participants/invite`, {
      participants: [
        userTarget(ADELE, { replacesCallId: old.id }),
        userTarget(DIEGO),
        userTarget(MEGAN, { replacesCallId: old.id }),
      ],
      clientContext: 'move-adele',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const op = res.body as { participants: { identity: { user: { id: string } } }[] };
    assert.deepEqual(
      op.participants.map((p) => p.identity.user.id),
      [ADELE],
      'the operation invites the first participant only',
    );
    const ignored = main.timeline.find((e) => e.event === 'invite-participants-ignored');
    assert.ok(ignored, 'the timeline says some participants were ignored');
    assert.deepEqual(ignored.ignored, [DIEGO, MEGAN]);
    h.clock.advance(300);
    assert.deepEqual([old.resultInfo?.code, old.resultInfo?.subcode], [200, 18503]);
    const people = [...main.participants.values()].map((p) => p.personId).filter(Boolean);
    assert.deepEqual(people.sort(), [ADELE, ALEX].sort());
    assert.equal(h.svc.engine.isEngaged(DIEGO), false, 'the ignored participants are never rung');
    assert.equal(h.svc.engine.isEngaged(MEGAN), false);
  });

  it('still needs chatInfo to invite several participants without replacesCallId', async () => {
    const main = await established(ALEX);
    const res = await h.graph(APP.appId, 'POST', `/communications/calls/${main.id}/participants/invite`, {
      participants: [userTarget(DIEGO), userTarget(MEGAN)],
    });
    assert.equal(res.status, 400);
  });
});
