import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Participant } from '@microsoft/microsoft-graph-types';
import { eachCallingService } from '../../../helpers/calling-service';
import { NOTIFICATIONS } from '../../../helpers/fixtures';
import { batch, callNote, eventually, rosterNote, type FakeGraph } from './fakes';

// A 1:1 call has no roster: the person to mute is found by listing the call's participants, and the
// completed mute operation is Graph's confirmation. A group call is still confirmed by its roster.
const MEGAN = 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902';
const LEE = 'b4a6d8f0-2c3e-4d7f-9a1b-c2d4e6f8a013';
const MEGAN_PID = '5E6F7A8B9C0D4E1F8A2B3C4D5E6F7A8B';

const listed = (id: string, userId: string): Participant =>
  ({ id, info: { identity: { user: { id: userId } } }, isMuted: false }) as Participant;

describe('mute in a call without a roster (1:1)', function () {
  this.timeout(10_000);
  const fx = eachCallingService((graph) => {
    graph.listParticipants = async () => [listed('me', 'app'), listed(MEGAN_PID, MEGAN.toUpperCase())];
    return { appName: 'Switchboard', timing: { operationTimeoutMs: 2000 } };
  });

  /** Holds Graph's mute requests back until the returned function is called; each then completes at once. */
  function holdMutes(graph: FakeGraph, operationId: string): () => void {
    let release: (() => void) | undefined;
    const gate = new Promise<void>((r) => (release = r));
    const inner = graph.muteParticipant.bind(graph);
    graph.muteParticipant = async (...args) => {
      await gate;
      return inner(...args);
    };
    graph.nextOperation = (clientContext) => ({
      operation: { id: operationId, status: 'completed', clientContext } as never,
    });
    return () => release?.();
  }

  async function oneToOne(): Promise<string> {
    const placed = await fx.service.placeCall({ to: { user: MEGAN, displayName: 'Megan Bowen' } });
    await fx.service.inbox.accept(batch(callNote(placed.id, 'established')));
    await fx.service.waitForState(placed.id, 'established', 3000);
    return placed.id;
  }

  const megan = async (callId: string) =>
    (await fx.service.callModel(callId))?.people.find((p) => p.key === MEGAN);

  it('sends the participant id Graph lists for the user id it was given', async () => {
    const callId = await oneToOne();
    fx.graph.nextOperation = (clientContext) => ({
      operation: { id: 'op-1', status: 'completed', clientContext } as never,
    });
    await fx.service.participants.mute(callId, MEGAN);
    const sent = fx.graph.requests.filter((r) => r.method === 'muteParticipant').map((r) => r.participantId);
    assert.deepEqual(sent, [MEGAN_PID]);
  });

  it('says who is not in the call, and sends nothing', async () => {
    const callId = await oneToOne();
    await assert.rejects(fx.service.participants.mute(callId, LEE), /is not in this call/);
    assert.equal(fx.graph.requests.filter((r) => r.method === 'muteParticipant').length, 0);
  });

  it('shows "muting…" while the operation runs and "muted" once it completes', async () => {
    const callId = await oneToOne();
    const release = holdMutes(fx.graph, 'op-2');
    const muting = fx.service.participants.mute(callId, MEGAN);
    await eventually(async () => (await megan(callId))?.mutePending === true);
    assert.equal((await megan(callId))?.muted, false, 'not muted while the operation is pending');
    release();
    await muting;
    const after = await megan(callId);
    assert.deepEqual([after?.muted, after?.mutePending, after?.participantId], [true, undefined, MEGAN_PID]);
  });

  describe('the caller of an incoming 1:1 call', () => {
    // Graph's own wire shape of a Teams user calling the app: the caller is the call's source.
    const created = JSON.parse(readFileSync(path.join(NOTIFICATIONS, 'incoming-call.json'), 'utf8')) as {
      value: [{ resourceData: Record<string, unknown> & { id: string } }];
    };
    const resource = created.value[0].resourceData;
    const CALLER = 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902';
    const CALLER_PID = 'c0d1e2f3-0a1b-4c2d-9e3f-405162738495';

    async function incoming(): Promise<string> {
      const { id, ...data } = resource;
      await fx.service.inbox.accept(
        batch(callNote(id, 'incoming', data, 'created'), callNote(id, 'established')),
      );
      await fx.service.waitForState(id, 'established', 3000);
      fx.graph.listParticipants = async () => [listed('me', 'app'), listed(CALLER_PID, CALLER)];
      return id;
    }

    const caller = async (callId: string) =>
      (await fx.service.callModel(callId))?.people.find((p) => !p.isSelf);

    it('shows "muting…" while the operation runs and "muted" once it completes, by the id a surface has', async () => {
      const callId = await incoming();
      const before = await caller(callId);
      assert.deepEqual([before?.name, before?.status, before?.muted], ['Avery Caller', 'joined', false]);
      const release = holdMutes(fx.graph, 'op-4');
      // The card and the tab offer the caller by the id the model gives them.
      const muting = fx.service.participants.mute(callId, before?.participantId ?? before?.key ?? '');
      await eventually(async () => (await caller(callId))?.mutePending === true);
      assert.equal((await caller(callId))?.muted, false, 'not muted while the operation is pending');
      release();
      await muting;
      const after = await caller(callId);
      assert.deepEqual(
        [after?.muted, after?.mutePending, after?.status, after?.participantId, after?.joinedAt],
        [true, undefined, 'joined', CALLER_PID, before?.joinedAt],
      );
      const people = (await fx.service.callModel(callId))?.people.filter((p) => !p.isSelf) ?? [];
      assert.equal(people.length, 1, 'the caller once, not twice');
      const sent = fx.graph.requests
        .filter((r) => r.method === 'muteParticipant')
        .map((r) => r.participantId);
      assert.deepEqual(sent, [CALLER_PID]);
    });

    it('a muted caller leaves when the call ends', async () => {
      const callId = await incoming();
      fx.graph.nextOperation = (clientContext) => ({
        operation: { id: 'op-5', status: 'completed', clientContext } as never,
      });
      await fx.service.participants.mute(callId, CALLER);
      await fx.service.inbox.accept(batch(callNote(callId, 'terminated')));
      await fx.service.waitForState(callId, 'terminated', 3000);
      assert.equal((await caller(callId))?.status, 'left');
    });
  });

  it('in a group call, a completed operation is not enough: the roster confirms', async () => {
    const placed = await fx.service.placeCall({ to: [{ user: MEGAN }, { user: LEE }], purpose: 'group' });
    const member = (muted: boolean) => ({
      id: MEGAN_PID,
      isMuted: muted,
      info: { identity: { user: { id: MEGAN, displayName: 'Megan Bowen' } } },
    });
    await fx.service.inbox.accept(
      batch(callNote(placed.id, 'established'), rosterNote(placed.id, 'updated', [member(false)])),
    );
    await eventually(async () => (await megan(placed.id))?.status === 'joined');
    fx.graph.nextOperation = (clientContext) => ({
      operation: { id: 'op-3', status: 'completed', clientContext } as never,
    });
    await fx.service.participants.mute(placed.id, MEGAN_PID);
    assert.deepEqual([(await megan(placed.id))?.muted, (await megan(placed.id))?.mutePending], [false, true]);
    await fx.service.inbox.accept(batch(rosterNote(placed.id, 'updated', [member(true)])));
    await eventually(async () => (await megan(placed.id))?.muted === true);
  });
});
