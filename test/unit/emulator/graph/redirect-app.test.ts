// Redirect to an application target (the redirect documentation's first example forwards a call to
// another bot): the caller's call reaches the target app's calling webhook as a new incoming call
// signed for that app; what the target app does decides how the redirected leg ends.
import assert from 'node:assert/strict';
import { startIncoming } from '../../../../emulator/graph';
import type { CallRec } from '../../../../emulator/graph';
import type { AppRegistration } from '../../../../emulator/people';
import { APP, appTarget, graphHarness, userTarget } from './graph-harness';
import type { Harness } from './graph-harness';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const RECEPTION = '22bfd41f-550e-477d-8789-f6f7bd2a5e8b';
const RECEPTION_HOOK = 'https://reception.example/api/calls';

describe('emulator redirect to an application target', () => {
  let h: Harness;
  let reception: AppRegistration;
  let original: CallRec;

  beforeEach(() => {
    h = graphHarness();
    reception = h.addApp({ appId: RECEPTION, displayName: 'Reception bot', callingWebhook: RECEPTION_HOOK });
    const person = h.svc.engine.directory.person(ADELE);
    assert.ok(person);
    original = startIncoming(h.svc, { person, app: APP, webhook: 'https://app.example/api/calls' });
    h.clock.advance(50);
  });
  afterEach(() => h.stop());

  const redirect = (targets: unknown[]) =>
    h.graph(APP.appId, 'POST', `/communications/calls/${original.id}/redirect`, { targets });
  /** The new incoming call the target app was told about. */
  const delivered = () => {
    const n = h.delivered.find((d) => d.url === RECEPTION_HOOK && d.changeType === 'created');
    assert.ok(n, 'the target app was not notified');
    return n;
  };
  const legOf = (): CallRec => {
    const id = String(delivered().resourceData.id);
    const leg = h.svc.engine.find(id);
    assert.ok(leg);
    return leg;
  };
  const code = (call: CallRec) => [call.resultInfo?.code, call.resultInfo?.subcode];

  it('delivers the call to the target app as a new incoming call signed for it; its answer ends the redirected leg 200/7000', async () => {
    const res = await redirect([appTarget(RECEPTION)]);
    assert.equal(res.status, 202, JSON.stringify(res.body));
    h.clock.advance(50);
    const n = delivered();
    assert.equal(n.aud, RECEPTION, 'signed with the target app as audience');
    assert.equal(n.resourceData.state, 'incoming');
    assert.equal(n.resourceData.direction, 'incoming');
    assert.notEqual(n.resourceData.id, original.id, 'a new call of the target app');
    const source = n.resourceData.source as { identity: { user: { id: string } } };
    assert.equal(source.identity.user.id, ADELE, 'the caller is the redirected caller');
    const targets = n.resourceData.targets as { identity: { application: { id: string } } }[];
    assert.equal(targets[0]?.identity.application.id, RECEPTION);
    assert.equal(original.state, 'redirecting');

    const leg = legOf();
    const answer = await h.graph(RECEPTION, 'POST', `/communications/calls/${leg.id}/answer`, {
      callbackUri: RECEPTION_HOOK,
      acceptedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    });
    assert.equal(answer.status, 202, JSON.stringify(answer.body));
    assert.equal(original.state, 'terminated');
    assert.deepEqual(code(original), [200, 7000]);
    const answeredBy = original.answeredBy as { identity: { application: { id: string } } };
    assert.equal(answeredBy.identity.application.id, RECEPTION);
    h.clock.advance(50);
    h.clock.advance(300);
    assert.equal(leg.state, 'established');
    assert.ok(
      [...leg.participants.values()].some((p) => p.personId === ADELE),
      'the caller is connected',
    );
    assert.ok(
      h.delivered.filter((d) => d.url === RECEPTION_HOOK).every((d) => d.aud === RECEPTION),
      'every notification of the new call is signed for the target app',
    );
    const other = await h.graph(APP.appId, 'GET', `/communications/calls/${leg.id}`);
    assert.equal(other.status, 404, "the original app cannot reach the target app's call");
  });

  it('ends the redirected leg 480/10037 when the app id is unknown or has no calling webhook', async () => {
    assert.equal((await redirect([appTarget('0b8fd2bb-2cb5-4d0f-9d21-3d1f6fe1ab11')])).status, 202);
    h.clock.advance(300);
    assert.deepEqual(code(original), [480, 10037]);
    assert.ok(!h.delivered.some((d) => d.url === RECEPTION_HOOK));
  });

  it('an app without a calling webhook is as unreachable as an unknown one', async () => {
    delete reception.callingWebhook;
    assert.equal((await redirect([appTarget(RECEPTION)])).status, 202);
    h.clock.advance(300);
    assert.deepEqual(code(original), [480, 10037]);
  });

  it('the target app rejecting the call ends the redirected leg as declined (480/10134)', async () => {
    await redirect([appTarget(RECEPTION)]);
    h.clock.advance(50);
    const leg = legOf();
    const rejected = await h.graph(RECEPTION, 'POST', `/communications/calls/${leg.id}/reject`, {
      reason: 'busy',
    });
    assert.equal(rejected.status, 202);
    h.clock.advance(100);
    assert.equal(leg.state, 'terminated');
    assert.deepEqual(code(original), [480, 10134]);
  });

  it('the target app not deciding in time ends its call 408/1106 and the redirected leg 408/10057', async () => {
    await redirect([appTarget(RECEPTION)]);
    h.clock.advance(50);
    const leg = legOf();
    h.clock.advance(15_000);
    assert.deepEqual(code(leg), [408, 1106]);
    assert.deepEqual(code(original), [408, 10057]);
  });

  it('the caller hanging up while redirected ends the undecided call of the target app (200/4097)', async () => {
    await redirect([appTarget(RECEPTION)]);
    h.clock.advance(50);
    const leg = legOf();
    h.svc.actions.hangUp(original, ADELE);
    assert.deepEqual(code(original), [200, 4097]);
    h.clock.advance(50);
    assert.deepEqual(code(leg), [200, 4097]);
  });

  it('simulring: a person answering first withdraws the call from the target app', async () => {
    h.svc.engine.directory.setScript(ADELE, { onRing: 'answer' });
    const alex = '9b602b58-81c6-43ef-bb23-f7145adb1914';
    h.svc.engine.directory.setScript(alex, { onRing: 'answer', answerAfterMs: 500 });
    await redirect([appTarget(RECEPTION), userTarget(alex)]);
    h.clock.advance(50);
    const leg = legOf();
    h.clock.advance(500);
    assert.deepEqual(code(original), [200, 7000]);
    h.clock.advance(50);
    assert.deepEqual(code(leg), [200, 4097]);
    const late = await h.graph(RECEPTION, 'POST', `/communications/calls/${leg.id}/answer`, {
      callbackUri: RECEPTION_HOOK,
      acceptedModalities: ['audio'],
      mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
    });
    assert.equal(late.status, 404);
  });
});
