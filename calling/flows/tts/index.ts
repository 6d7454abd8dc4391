// Text prompts: a synthesizer (eSpeak NG by default) and a content-addressed cache served at /prompts/tts/.
export { SynthesisError, type Synthesizer, type SpeakOptions } from './synthesizer';
export { createEspeakSynthesizer, type EspeakOptions } from './espeak';
export {
  createPromptCache,
  readCachedPrompt,
  type PromptCacheOptions,
  type TextPrompts,
} from './prompt-cache';
export { decodeWav, encodeWav, monoFloats, type Pcm16 } from './wav-pcm';
export { resample, normalise } from './resample';
