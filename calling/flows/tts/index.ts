// Text prompts: the interface a synthesizer meets and a content-addressed cache served at /prompts/tts/.
// The engine itself (eSpeak NG, GPL) is the separate package tts-espeak/, which the app passes in.
export { SynthesisError, type Synthesizer, type SpeakOptions } from './synthesizer';
export {
  createPromptCache,
  readCachedPrompt,
  type PromptCacheOptions,
  type TextPrompts,
} from './prompt-cache';
export { decodeWav, encodeWav, monoFloats, type Pcm16 } from './wav-pcm';
export { resample, normalise } from './resample';
