// The reaction recorder fed by hand: timeline entries as the engine notes them, requests as the HTTP
// layer reports them.
import assert from 'node:assert/strict';
import { setImmediate as tick } from 'node:timers/promises';
import { ReactionRecorder, actionOf, bodyKey, stimulusOf } from '../../../../emulator/reactions';

const CALL = { id: 'call-1', appId: 'app-1' };
const callData = (extra: Record<string, unknown>) => ({ '@odata.type': '#microsoft.graph.call', ...extra });
const PATH = '/v1.0/communications/calls/call-1';

describe('emulator/reactions', () => {
  let r: ReactionRecorder;
  let seq: number;
  beforeEach(() => {
    r = new ReactionRecorder();
    seq = 0;
  });

  /** A notification noted at `t` and sent at `sentAt`. */
  function notify(changeType: string, data: Record<string, unknown>, sentAt: number, call = CALL): void {
    const n = ++seq;
    r.observe(call, {
      kind: 'notification',
      t: sentAt - 1,
      seq: n,
      body: { changeType, resourceData: callData(data) },
    });
    r.observe(call, { kind: 'delivery', t: sentAt, seq: n, event: 'sent', attempt: 1 });
  }
  const request = (action: string, at: number, body: object = {}, call = CALL) =>
    r.request(call, {
      method: action === 'hangUp' ? 'DELETE' : 'POST',
      path: action === 'hangUp' ? PATH : `${PATH}/${action}`,
      at,
      status: 202,
      rawBody: JSON.stringify(body),
    });

  it('classifies notifications and requests', () => {
    assert.deepEqual(stimulusOf({ changeType: 'created', resourceData: callData({ state: 'incoming' }) }), {
      kind: 'incoming',
    });
    assert.deepEqual(
      stimulusOf({
        changeType: 'updated',
        resourceData: callData({ state: 'established', toneInfo: { tone: 'star' } }),
      }),
      { kind: 'tone', tone: 'star' },
    );
    assert.equal(
      stimulusOf({ changeType: 'updated', resourceData: callData({ state: 'establishing' }) }),
      undefined,
    );
    assert.equal(stimulusOf({ changeType: 'updated', resourceData: [] }), undefined);
    assert.equal(actionOf('POST', `${PATH}/playPrompt`), 'playPrompt');
    assert.equal(actionOf('POST', '/v1.0/app/calls/x/participants/invite'), 'participants/invite');
    assert.equal(actionOf('DELETE', PATH), 'hangUp');
    assert.equal(actionOf('GET', PATH), undefined);
    assert.equal(
      bodyKey('{"clientContext":"a","prompts":[1]}'),
      bodyKey('{"clientContext":"b","prompts":[1]}'),
    );
    assert.notEqual(bodyKey('{"prompts":[1]}'), bodyKey('{"prompts":[2]}'));
  });

  it('times incoming → answer, established → first media request, tone → next prompt', () => {
    notify('created', { state: 'incoming' }, 1000);
    request('answer', 1012);
    notify('updated', { state: 'established' }, 2000);
    request('subscribeToTone', 2005);
    request('playPrompt', 2010); // not a reaction: established was answered already
    notify('updated', { state: 'established' }, 2500); // a repeat: only the first counts
    notify('updated', { state: 'established', toneInfo: { tone: 'tone1' } }, 3000);
    request('cancelMediaProcessing', 3030);
    request('playPrompt', 3040);
    assert.deepEqual(
      r.samples.map((s) => [s.stimulus, s.action, s.ms, s.tone]),
      [
        ['incoming', 'answer', 12, undefined],
        ['established', 'subscribeToTone', 5, undefined],
        ['tone', 'cancelMediaProcessing', 30, 'tone1'],
      ],
    );
    assert.deepEqual(r.missed, []);
    assert.deepEqual(r.duplicates, []);
  });

  it('counts a key nobody reacted to as missed, superseded by the next or by the end of the call', async () => {
    notify('updated', { state: 'established', toneInfo: { tone: 'tone1' } }, 1000);
    notify('updated', { state: 'established', toneInfo: { tone: 'tone2' } }, 2000);
    request('playPrompt', 2100);
    notify('updated', { state: 'established', toneInfo: { tone: 'tone3' } }, 3000);
    r.observe(CALL, { kind: 'state', t: 3500, to: 'terminated' });
    await tick();
    assert.deepEqual(
      r.missed.map((m) => [m.tone, m.why]),
      [
        ['tone1', 'superseded'],
        ['tone3', 'call ended'],
      ],
    );
    assert.deepEqual(
      r.samples.map((s) => s.tone),
      ['tone2'],
    );
  });

  it('counts a hang-up that ends the call as the reaction', async () => {
    notify('updated', { state: 'established', toneInfo: { tone: 'tone0' } }, 1000);
    // The handler ends the call before the request is reported, as the HTTP layer does.
    r.observe(CALL, { kind: 'state', t: 1010, to: 'terminated' });
    request('hangUp', 1008);
    await tick();
    assert.deepEqual(
      r.samples.map((s) => [s.action, s.ms]),
      [['hangUp', 8]],
    );
    assert.deepEqual(r.missed, []);
  });

  it('reports a key acted on twice (the same request again), but not different requests after it', () => {
    notify('updated', { state: 'established', toneInfo: { tone: 'star' } }, 1000);
    request('cancelMediaProcessing', 1010, { clientContext: 'a' });
    request('playPrompt', 1020, { clientContext: 'b', prompts: ['menu'] });
    request('playPrompt', 3020, { clientContext: 'c', prompts: ['invalid'] });
    assert.equal(r.duplicates.length, 0);
    notify('updated', { state: 'established', toneInfo: { tone: 'tone9' } }, 4000);
    request('playPrompt', 4010, { clientContext: 'd', prompts: ['invalid'] });
    request('playPrompt', 4011, { clientContext: 'e', prompts: ['invalid'] });
    request('playPrompt', 4012, { clientContext: 'f', prompts: ['invalid'] });
    assert.deepEqual(
      r.duplicates.map((d) => [d.tone, d.action, d.times]),
      [['tone9', 'playPrompt', 3]],
    );
  });

  it('does not count a prompt started before the key and repeated after a barge-in, nor cancels, as duplicates', () => {
    // The key arrives as the welcome ends: the menu starts, then the key interrupts and repeats it.
    notify('updated', { state: 'established', toneInfo: { tone: 'star' } }, 1000);
    request('playPrompt', 1200, { clientContext: 'a', prompts: ['menu'] });
    request('cancelMediaProcessing', 1700, { clientContext: 'b' });
    request('playPrompt', 2100, { clientContext: 'c', prompts: ['menu'] });
    // An invalid key: interrupted, "invalid", then the app cuts its own prompt short for the menu.
    notify('updated', { state: 'established', toneInfo: { tone: 'tone9' } }, 3000);
    request('cancelMediaProcessing', 3010, { clientContext: 'x' });
    request('playPrompt', 3020, { clientContext: 'y', prompts: ['invalid'] });
    request('cancelMediaProcessing', 3030, { clientContext: 'z' });
    request('playPrompt', 3040, { clientContext: 'w', prompts: ['menu'] });
    assert.equal(r.duplicates.length, 0, JSON.stringify(r.duplicates));
    // Acted on twice from the same state: each copy interrupts and prompts.
    notify('updated', { state: 'established', toneInfo: { tone: 'star' } }, 4000);
    request('cancelMediaProcessing', 4010, { clientContext: 'd' });
    request('playPrompt', 4020, { clientContext: 'e', prompts: ['menu'] });
    request('cancelMediaProcessing', 4030, { clientContext: 'f' });
    request('playPrompt', 4040, { clientContext: 'g', prompts: ['menu'] });
    assert.deepEqual(
      r.duplicates.map((d) => [d.tone, d.action, d.times]),
      [['star', 'playPrompt', 2]],
    );
  });

  it('allows one reaction per key still unanswered: a late app answers two keys after the second', () => {
    notify('updated', { state: 'established', toneInfo: { tone: 'star' } }, 1000);
    notify('updated', { state: 'established', toneInfo: { tone: 'star' } }, 2000);
    request('cancelMediaProcessing', 2500, { clientContext: 'a' });
    request('playPrompt', 2510, { clientContext: 'b', prompts: ['menu'] });
    request('cancelMediaProcessing', 2520, { clientContext: 'c' });
    request('playPrompt', 2530, { clientContext: 'd', prompts: ['menu'] });
    assert.equal(r.duplicates.length, 0, JSON.stringify(r.duplicates));
    request('playPrompt', 2540, { clientContext: 'e', prompts: ['menu'] });
    assert.deepEqual(
      r.duplicates.map((d) => [d.tone, d.action, d.times]),
      [['star', 'playPrompt', 3]],
    );
  });

  it('ignores a notification that was dropped, and keeps every app apart', () => {
    const other = { id: 'call-2', appId: 'app-2' };
    r.observe(CALL, {
      kind: 'notification',
      t: 1,
      seq: 99,
      body: { changeType: 'created', resourceData: callData({ state: 'incoming' }) },
    });
    r.observe(CALL, { kind: 'delivery', t: 2, seq: 99, event: 'dropped' });
    r.observe(CALL, { kind: 'delivery', t: 3, seq: 99, event: 'sent', attempt: 1 });
    notify('created', { state: 'incoming' }, 10, other);
    request('answer', 25, {}, other);
    assert.deepEqual(
      r.samples.map((s) => [s.appId, s.ms]),
      [['app-2', 15]],
    );
    assert.deepEqual(r.pending(), []);
  });

  it('keeps at most its limit and counts the rest; clear() starts afresh', () => {
    r = new ReactionRecorder(2);
    for (let i = 0; i < 3; i++) {
      const call = { id: `c${i}`, appId: 'a' };
      notify('created', { state: 'incoming' }, 100, call);
      request('answer', 110, {}, call);
    }
    assert.equal(r.samples.length, 2);
    assert.equal(r.overflow, 1);
    r.clear();
    assert.equal(r.samples.length + r.overflow, 0);
  });
});
