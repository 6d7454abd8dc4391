// The call engine driven by the emulated clock alone (no HTTP, no process): notification order and end
// codes of the P2P, incoming and keepAlive flows.
import assert from 'node:assert/strict';
import path from 'node:path';
import { createClock } from '../../../../emulator/clock';
import type { Clock } from '../../../../emulator/clock';
import { armKeepAlive, startAnswered, startP2P } from '../../../../emulator/graph/call-flows';
import { CallEngine } from '../../../../emulator/graph/engine';
import { MediaService } from '../../../../emulator/graph/media-service';
import type { CallRec } from '../../../../emulator/graph/model';
import { personActions } from '../../../../emulator/graph/person-events';
import { PromptAudioStore } from '../../../../emulator/graph/prompt-audio';
import { RecordingStore } from '../../../../emulator/graph/recordings';
import { Directory, loadTenant } from '../../../../emulator/people';
import { appCallRecord } from '../../../helpers/emulator-call';

const seed = loadTenant(path.resolve(__dirname, '../../../../emulator/seed/tenant.json'));
const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';

interface Sent {
  changeType: string;
  resourceUrl: string;
  resourceData: {
    state?: string;
    resultInfo?: { code: number; subcode: number };
    toneInfo?: { tone: string };
  };
}

describe('call engine flows (emulated clock)', () => {
  let clock: Clock;
  let engine: CallEngine;
  let sent: Sent[];
  let actions: ReturnType<typeof personActions>;

  beforeEach(() => {
    clock = createClock(() => 1_000_000);
    sent = [];
    const directory = new Directory(seed);
    engine = new CallEngine({
      clock,
      directory,
      deliver: (_url, body) => sent.push(...(body as { value: Sent[] }).value),
      settings: { promptSpeed: 1, incomingTimeoutMs: 15_000, ringTimeoutMs: 60_000 },
      publicBase: () => 'https://localhost:1',
      log: () => undefined,
    });
    const media = new MediaService(
      engine,
      {
        fetchPrompt: async () => ({ ok: false, reason: 'unused' }),
        synthesizeSpeechWav: () => Buffer.alloc(0),
      },
      new RecordingStore(() => ''),
      new PromptAudioStore(),
    );
    actions = personActions(engine, media);
  });
  afterEach(() => clock.reset());

  function outgoing(): CallRec {
    const person = engine.directory.person(ADELE);
    const call = appCallRecord(engine, { remotePersonId: ADELE });
    startP2P(engine, call, person, actions);
    return call;
  }

  const states = () =>
    sent
      .filter((n) => /\/calls\/[^/]+$/.test(n.resourceUrl))
      .map((n) => `${n.changeType}:${n.resourceData.state}`);

  it('P2P: establishing, then established when the person answers, then 200/4521 when they hang up', () => {
    engine.directory.setScript(ADELE, {
      onRing: 'answer',
      answerAfterMs: 2000,
      keys: [{ afterMs: 500, tones: '5' }],
    });
    const call = outgoing();
    clock.advance(50);
    assert.deepEqual(states(), ['updated:establishing']);
    clock.advance(1999);
    assert.deepEqual(states(), ['updated:establishing'], 'not answered yet');
    clock.advance(1);
    assert.deepEqual(states(), ['updated:establishing', 'updated:established']);
    call.toneSubscribed = true;
    clock.advance(500);
    assert.equal(sent.at(-1)?.resourceData.toneInfo?.tone, 'tone5');
    actions.hangUp(call, ADELE);
    assert.deepEqual(states().at(-1), 'deleted:terminated');
    assert.deepEqual(sent.at(-1)?.resourceData.resultInfo, {
      '@odata.type': '#microsoft.graph.resultInfo',
      code: 200,
      subcode: 4521,
      message: call.resultInfo?.message,
    });
    assert.equal(clock.pending(), 0, 'nothing stays scheduled for an ended call');
  });

  it('P2P: a person who ignores the call rings until the ring timeout (408/10057)', () => {
    engine.directory.setScript(ADELE, { onRing: 'ignore' });
    const call = outgoing();
    clock.advance(50);
    clock.advance(59_999);
    assert.equal(call.state, 'establishing');
    clock.advance(1);
    assert.equal(call.state, 'terminated');
    assert.deepEqual([call.resultInfo?.code, call.resultInfo?.subcode], [408, 10057]);
  });

  it('keepAlive: 45 minutes without one ends the call with 408/8537; each keepAlive restarts the window', () => {
    engine.directory.setScript(ADELE, { onRing: 'answer', answerAfterMs: 0 });
    const call = outgoing();
    clock.advance(100);
    assert.equal(call.state, 'established');
    clock.advance(40 * 60_000);
    armKeepAlive(engine, call);
    clock.advance(40 * 60_000);
    assert.equal(call.state, 'established');
    clock.advance(5 * 60_000);
    assert.equal(call.state, 'terminated');
    assert.deepEqual([call.resultInfo?.code, call.resultInfo?.subcode], [408, 8537]);
  });

  it('answered incoming call: establishing then established, each exactly once', () => {
    const call = appCallRecord(engine, { direction: 'incoming', state: 'incoming', remotePersonId: ADELE });
    startAnswered(engine, call, actions);
    clock.advance(50);
    clock.advance(300);
    assert.deepEqual(states(), ['updated:establishing', 'updated:established']);
  });
});
