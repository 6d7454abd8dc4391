import assert from 'node:assert/strict';
import { createCallingService } from '../../../../calling/core';
import type { Call, CallingService } from '../../../../calling/core';
import {
  batch,
  callNote,
  eventually,
  fakeGraph,
  opNote,
  rosterNote,
  tempStore,
  testLogger,
  TENANT,
} from './fakes';
import type { Store } from '../../../../store';

const MEGAN = 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902';
const LEE = 'b4a6d8f0-2c3e-4d7f-9a1b-c2d4e6f8a013';

describe('callChanged: the call model after every stored change', function () {
  this.timeout(10_000);
  let store: Store;
  let close: () => Promise<void>;
  let service: CallingService;
  let seen: Call[];

  beforeEach(async () => {
    ({ store, close } = await tempStore());
    service = createCallingService({
      store,
      graph: fakeGraph(),
      logger: testLogger(),
      appId: '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302',
      appName: 'Switchboard',
      tenantId: TENANT,
      callbackUrl: 'https://app.example/api/calls',
      promptsBaseUrl: 'https://app.example/prompts',
    });
    seen = [];
    service.on('callChanged', ({ call }) => void seen.push(call));
    await service.start();
  });

  afterEach(async () => {
    await service.stop();
    await close();
  });

  it('announces the placed call, its connection and its end, in version order, with names and words', async () => {
    const placed = await service.placeCall({
      to: { user: MEGAN, displayName: 'Megan Bowen' },
      purpose: 'oneToOne',
      origin: { surface: 'chat', requestedBy: { name: 'Adele Vance' } },
    });
    await service.inbox.accept(batch(callNote(placed.id, 'established')));
    await service.waitForState(placed.id, 'established', 3000);
    await service.hangUp(placed.id, { by: 'Adele Vance' });
    await service.inbox.accept(
      batch(callNote(placed.id, 'terminated', { resultInfo: { code: 200, subcode: 5001 } })),
    );
    await eventually(() => seen.some((c) => c.phase === 'ended'));
    const versions = seen.map((c) => c.version);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
    );
    assert.equal(new Set(versions).size, versions.length, 'each version announced once');
    const connected = seen.find((c) => c.phase === 'connected');
    assert.ok(connected?.connectedAt, 'connectedAt is set when the call connects');
    const last = seen.at(-1)!;
    assert.equal(last.end?.words, 'hung up by Adele Vance');
    assert.equal(last.origin.requestedBy?.name, 'Adele Vance');
    assert.deepEqual(
      last.people.map((p) => `${p.name}:${p.status}`),
      ['Switchboard:left', 'Megan Bowen:left'],
    );
    const stored = await service.callModel(placed.id);
    assert.equal(stored?.version, last.version);
  });

  it('marks an invitee declined when the invitation fails with a decline', async () => {
    const placed = await service.placeCall({ to: { user: MEGAN, displayName: 'Megan Bowen' } });
    await service.inbox.accept(batch(callNote(placed.id, 'established')));
    await service.waitForState(placed.id, 'established', 3000);
    const invite = service.participants.invite(placed.id, [{ user: LEE, displayName: 'Lee Gu' }]);
    await eventually(() =>
      seen.some((c) => c.people.some((p) => p.name === 'Lee Gu' && p.status === 'ringing')),
    );
    const ops = await service.operations(placed.id);
    const op = ops.find((o) => o.kind === 'invite')!;
    await service.inbox.accept(
      batch(opNote(placed.id, op.graphId!, 'failed', { resultInfo: { code: 480, subcode: 10134 } })),
    );
    await assert.rejects(invite);
    await eventually(() => seen.at(-1)?.people.find((p) => p.name === 'Lee Gu')?.status === 'declined');
  });

  it('follows the roster: joined, then confirmed muted', async () => {
    const placed = await service.placeCall({ to: [{ user: MEGAN }, { user: LEE }], purpose: 'group' });
    const megan = (muted: boolean) => ({
      id: 'p-megan',
      isMuted: muted,
      info: { identity: { user: { id: MEGAN, displayName: 'Megan Bowen' } } },
    });
    await service.inbox.accept(
      batch(callNote(placed.id, 'established'), rosterNote(placed.id, 'updated', [megan(false)])),
    );
    await eventually(() => seen.at(-1)?.people.find((p) => p.key === MEGAN)?.status === 'joined');
    assert.equal(seen.at(-1)?.people.find((p) => p.key === MEGAN)?.name, 'Megan Bowen');
    await service.inbox.accept(batch(rosterNote(placed.id, 'updated', [megan(true)])));
    await eventually(() => seen.at(-1)?.people.find((p) => p.key === MEGAN)?.muted === true);
  });

  it('names a transfer target while it rings, and says how it ended when the transfer fails', async () => {
    const placed = await service.placeCall({ to: { user: MEGAN, displayName: 'Megan Bowen' } });
    await service.inbox.accept(batch(callNote(placed.id, 'established')));
    await service.waitForState(placed.id, 'established', 3000);
    const transfer = service.transfer(placed.id, { user: LEE, displayName: 'Lee Gu' });
    await eventually(
      () => seen.at(-1)?.people.some((p) => p.name === 'Lee Gu' && p.status === 'ringing') === true,
    );
    await service.inbox.accept(
      batch(
        callNote(placed.id, 'transferring'),
        callNote(placed.id, 'established', { resultInfo: { code: 603, subcode: 0 } }),
      ),
    );
    await assert.rejects(transfer);
    await eventually(() => seen.at(-1)?.people.find((p) => p.name === 'Lee Gu')?.status === 'declined');
  });

  it('a hang-up is never held back by noting it: with the call locked elsewhere it still goes out', async () => {
    const placed = await service.placeCall({ to: { user: MEGAN, displayName: 'Megan Bowen' } });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const isLocked = new Promise<void>((r) => (locked = r));
    // Someone else (a dead instance's lease, say) holds the call's lock for longer than a note may wait.
    const holder = store.locks.withLock(`call:${placed.id}`, async () => {
      locked();
      await held;
    });
    await isLocked;
    const started = Date.now();
    await service.hangUp(placed.id, { by: 'Adele Vance' });
    release();
    await holder;
    assert.ok(Date.now() - started < 5000, 'went on without the note');
  });
});
