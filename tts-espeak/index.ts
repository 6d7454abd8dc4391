// @switchboard/tts-espeak: eSpeak NG (GPL-3.0-or-later) as a text-to-speech engine for Switchboard's
// text prompts, kept out of the MIT calling package. The app hands `createEspeakSynthesizer()` to
// calling's prompt cache as its `Synthesizer`.
export { createEspeakSynthesizer, type EspeakOptions } from './espeak';
export type { EspeakEngine, EngineResult } from './espeak-worker';
export { SynthesisError, type Synthesizer, type SpeakOptions } from './synthesizer';
