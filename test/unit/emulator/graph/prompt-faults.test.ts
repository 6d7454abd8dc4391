// A prompt fetch that throws (rather than answering "not ok") must fail the media operation, with the
// call on the log, instead of leaving the app waiting for a completion that never comes.
import assert from 'node:assert/strict';
import path from 'node:path';
import { createClock } from '../../../../emulator/clock';
import type { Clock } from '../../../../emulator/clock';
import { CallEngine } from '../../../../emulator/graph/engine';
import { playJob } from '../../../../emulator/graph/media-jobs';
import { recordJob } from '../../../../emulator/graph/record-job';
import type { MediaJob } from '../../../../emulator/graph/media-queue';
import type { CallRec } from '../../../../emulator/graph/model';
import { newOperation } from '../../../../emulator/graph/operations';
import { PromptAudioStore } from '../../../../emulator/graph/prompt-audio';
import { RecordingStore } from '../../../../emulator/graph/recordings';
import { Directory, loadTenant } from '../../../../emulator/people';
import { appCallRecord } from '../../../helpers/emulator-call';

const seed = loadTenant(path.resolve(__dirname, '../../../../emulator/seed/tenant.json'));

describe('emulator media jobs: a prompt fetch that throws', () => {
  let clock: Clock;
  let engine: CallEngine;
  let logged: Array<{ msg: string; err: unknown }>;

  beforeEach(() => {
    clock = createClock(() => 1_000_000);
    logged = [];
    engine = new CallEngine({
      clock,
      directory: new Directory(seed),
      deliver: () => undefined,
      settings: { promptSpeed: 1, incomingTimeoutMs: 15_000, ringTimeoutMs: 60_000 },
      publicBase: () => 'https://localhost:1',
      log: (msg, err) => logged.push({ msg, err }),
    });
  });
  afterEach(() => clock.reset());

  const env = () => ({
    engine,
    media: {
      fetchPrompt: () => Promise.reject(new Error('socket hang up in a way nobody expected')),
      synthesizeSpeechWav: () => Buffer.alloc(0),
    },
    recordings: new RecordingStore(() => ''),
    audio: new PromptAudioStore(),
    saidBefore: () => [],
  });

  function established(): CallRec {
    const call = appCallRecord(engine, { direction: 'incoming' });
    // Media runs only on a connected call; how it got there is not what these tests are about.
    call.state = 'established';
    return call;
  }

  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('playPrompt: the operation fails as a download failure, the call is logged, the queue moves on', async () => {
    const call = established();
    const op = newOperation(engine, call, 'playPromptOperation', 'ctx-1');
    const done: MediaJob[] = [];
    const job = playJob(env(), call, op, { uris: ['https://prompts.example/a.wav'], resourceIds: [] }, (j) =>
      done.push(j),
    );
    job.start();
    await settle();
    assert.equal(op.status, 'failed');
    assert.equal(op.resultInfo?.code, 400);
    assert.equal(op.resultInfo?.subcode, 8536);
    assert.match(op.resultInfo?.message ?? '', /socket hang up/);
    assert.deepEqual(done, [job]);
    assert.equal(logged.length, 1);
    assert.match(logged[0]?.msg ?? '', new RegExp(`call ${call.id}`));
    assert.match(String(logged[0]?.err), /socket hang up/);
  });

  it('recordResponse: the operation fails the same way', async () => {
    const call = established();
    const op = newOperation(engine, call, 'recordOperation', 'ctx-2');
    const done: MediaJob[] = [];
    const params = {
      promptUris: ['https://prompts.example/a.wav'],
      playBeep: true,
      initialSilenceMs: 5000,
      maxSilenceMs: 5000,
      maxDurationMs: 10_000,
      stopTones: [],
      bargeIn: false,
    };
    const job = recordJob(env(), call, op, params, (j) => done.push(j));
    job.start();
    await settle();
    assert.equal(op.status, 'failed');
    assert.equal(op.resultInfo?.subcode, 8536);
    assert.deepEqual(done, [job]);
    assert.match(logged[0]?.msg ?? '', new RegExp(`call ${call.id}`));
  });
});
