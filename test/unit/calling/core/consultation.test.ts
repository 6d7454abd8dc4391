import assert from 'node:assert/strict';
import { callModel, createCallingService } from '../../../../calling/core';
import type { Call, CallingService } from '../../../../calling/core';
import { readMeta, withHangUp, withRinging } from '../../../../calling/core/model/annotations';
import { withConsultation, withConsultFor } from '../../../../calling/core/model/consultation';
import { createCallData, type Store } from '../../../../store';
import { storedCall } from '../../../helpers/stored-call';
import { batch, callNote, eventually, fakeGraph, tempStore, testLogger, TENANT } from './fakes';

const ADELE = { key: 'adele-id', kind: 'person' as const, name: 'Adele Vance', userId: 'adele-id' };
const ISAIAH = { key: 'isaiah-id', kind: 'person' as const, name: 'Isaiah Langer', userId: 'isaiah-id' };

/** A's call (answered at 2000) with one consultation leg to Isaiah. */
function callA(over: Parameters<typeof storedCall>[1] = {}) {
  const meta = withConsultation(withRinging({ connectedAt: 2000 }, [ADELE], 'target', 1000), 'call-b');
  return storedCall('call-a', { state: 'established', meta, version: 4, ...over });
}

function legB(over: Parameters<typeof storedCall>[1] = {}) {
  const meta = withConsultFor(withRinging({}, [ISAIAH], 'target', 3000), 'call-a');
  return storedCall('call-b', { meta, version: 2, ...over });
}

const ended = (code: number, subcode: number) => ({
  state: 'terminated',
  endedAt: 9000,
  endCode: code,
  endSubcode: subcode,
});
const statuses = (c: Call) => c.people.filter((p) => !p.isSelf).map((p) => `${p.name}:${p.status}`);

describe('the call model of a call with a consultation leg', () => {
  it('reads "transferring" while the leg rings, with the person rung on it; its version counts the leg', () => {
    const call = callModel(callA(), { legs: [legB()] });
    assert.equal(call.phase, 'transferring');
    assert.deepEqual(statuses(call), ['Adele Vance:joined', 'Isaiah Langer:ringing']);
    assert.equal(call.version, 6);
    assert.equal(callModel(callA()).phase, 'connected', 'without its leg the call is just connected');
  });

  for (const [what, code, subcode, status] of [
    ['declined', 480, 10134, 'declined'],
    ['was busy', 480, 10076, 'busy'],
    ['did not answer (the app hung up the ring)', 200, 5001, 'noAnswer'],
  ] as const)
    it(`shows the leg's real end once the person ${what}, and the call's own end`, () => {
      const a = callA({ meta: withHangUp(callA().meta as object, 8000), ...ended(200, 5001) });
      const call = callModel(a, { legs: [legB(ended(code, subcode))] });
      assert.equal(call.phase, 'ended');
      assert.deepEqual(statuses(call), ['Adele Vance:left', `Isaiah Langer:${status}`]);
    });

  it('shows both people in the call once A was put through onto the leg', () => {
    const transferred = withRinging(callA().meta as object, [ISAIAH], 'transfer', 5000);
    const a = callA({ meta: transferred, ...ended(0, 7015) });
    const answered = { ...(legB().meta as object), connectedAt: 4000 };
    const call = callModel(a, { legs: [legB({ meta: answered, ...ended(200, 7015) })] });
    assert.deepEqual(statuses(call), ['Adele Vance:joined', 'Isaiah Langer:joined']);
    assert.equal(call.end?.words, 'put through to Isaiah Langer');
  });

  it('leaves nobody ringing on a leg once the call it serves ended', () => {
    const call = callModel(callA(ended(200, 5001)), { legs: [legB()] });
    assert.deepEqual(statuses(call), ['Adele Vance:left', 'Isaiah Langer:noAnswer']);
  });
});

describe('the calling service: a consultation leg is shown within the call it serves', function () {
  this.timeout(10_000);
  let store: Store;
  let close: () => Promise<void>;
  let service: CallingService;
  let graph: ReturnType<typeof fakeGraph>;
  let seen: Call[];

  beforeEach(async () => {
    ({ store, close } = await tempStore());
    graph = fakeGraph();
    service = createCallingService({
      store,
      graph,
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

  it("announces the leg's changes as the served call's, and lists only the served call", async () => {
    const a = await service.placeCall({
      to: { user: ADELE.userId, displayName: ADELE.name },
      purpose: 'connect',
    });
    await service.inbox.accept(batch(callNote(a.id, 'established')));
    await service.waitForState(a.id, 'established', 3000);
    graph.createdId = '22222222-2222-4333-8444-555555555555';
    const b = await service.placeCall({
      to: { user: ISAIAH.userId, displayName: ISAIAH.name },
      consultationFor: a.id,
    });
    await eventually(() => statuses(seen.at(-1)!).includes('Isaiah Langer:ringing'));
    assert.equal(seen.at(-1)?.phase, 'transferring');
    await service.inbox.accept(
      batch(callNote(b.id, 'terminated', { resultInfo: { code: 480, subcode: 10134 } })),
    );
    await eventually(() => statuses(seen.at(-1)!).includes('Isaiah Langer:declined'));
    assert.ok(
      seen.every((c) => c.id === a.id),
      'no surface hears of the leg as a call of its own',
    );
    assert.equal(seen.at(-1)?.phase, 'connected');
    const versions = seen.map((c) => c.version);
    assert.equal(new Set(versions).size, versions.length, 'each version announced once');
    const listed = await service.listCallModels();
    assert.deepEqual(
      listed.map((c) => c.id),
      [a.id],
    );
    assert.deepEqual(statuses((await service.callModel(a.id))!), [
      'Adele Vance:joined',
      'Isaiah Langer:declined',
    ]);
  });
  it('a leg its served call does not list (the instance died before noting it) is listed on its next change', async () => {
    const a = await service.placeCall({ to: { user: ADELE.userId, displayName: ADELE.name } });
    await service.inbox.accept(batch(callNote(a.id, 'established')));
    await service.waitForState(a.id, 'established', 3000);
    graph.createdId = '22222222-2222-4333-8444-555555555555';
    const b = await service.placeCall({
      to: { user: ISAIAH.userId, displayName: ISAIAH.name },
      consultationFor: a.id,
    });
    const calls = createCallData(store).calls;
    const { consultations: _lost, ...unlinked } = readMeta((await calls.get(a.id))!.meta);
    await calls.update(a.id, { meta: unlinked });
    assert.deepEqual(statuses((await service.callModel(a.id))!), ['Adele Vance:joined']);
    await service.inbox.accept(
      batch(callNote(b.id, 'terminated', { resultInfo: { code: 486, subcode: 0 } })),
    );
    await eventually(() => statuses(seen.at(-1)!).includes('Isaiah Langer:busy'));
    assert.equal(seen.at(-1)?.id, a.id);
  });
});
