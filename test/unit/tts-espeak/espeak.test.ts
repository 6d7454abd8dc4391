// The eSpeak NG package as the app uses it: what it speaks is a prompt calling accepts and plays.
import assert from 'node:assert/strict';
import { createEnergyAnalyser } from '../../../calling/flows/analysis';
import { decodeWav } from '../../../calling/flows/tts';
import { promptProblem } from '../../../calling/prompts';
import { createEspeakSynthesizer, SynthesisError } from '../../../tts-espeak';

describe('eSpeak NG synthesizer', function () {
  this.timeout(30_000);

  it('eSpeak NG (WASM, offline) speaks text as a 16 kHz mono 16-bit WAV Graph can play, and speech is heard in it', async () => {
    const wav = await createEspeakSynthesizer().synthesize('Press one for sales.');
    assert.equal(promptProblem(wav), undefined);
    const pcm = decodeWav(wav);
    const seconds = pcm.samples.length / pcm.sampleRate;
    assert.ok(seconds > 0.8 && seconds < 4, `a short sentence (${seconds} s)`);
    const heard = await createEnergyAnalyser().analyse(wav);
    assert.ok(heard.spoke && heard.speechMs > 600, `speech found (${heard.speechMs} ms)`);
  });

  it('speaks in a worker thread: the main event loop stays mostly idle while eSpeak NG runs', async () => {
    const synth = createEspeakSynthesizer();
    await synth.synthesize('Warm up.'); // the engine's first start is not what this looks at
    const before = performance.eventLoopUtilization();
    const wav = await synth.synthesize('Thank you for calling. Please hold while we connect you.');
    const used = performance.eventLoopUtilization(before);
    assert.equal(promptProblem(wav), undefined);
    // On the main thread, synthesis and resampling keep the loop busy nearly all along (utilization ~1).
    assert.ok(
      used.utilization < 0.5,
      `main thread busy ${used.active.toFixed(0)} of ${(used.active + used.idle).toFixed(0)} ms`,
    );
  });

  it('refuses an unknown voice with a readable error', async () => {
    await assert.rejects(createEspeakSynthesizer().synthesize('hi', { voice: 'zz-nope' }), (err: unknown) => {
      return err instanceof SynthesisError && /voice "zz-nope"/.test(err.message);
    });
  });
});
