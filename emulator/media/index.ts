// Audio for the emulated media platform: WAV parsing (with INFO labels) and Graph's prompt format rule,
// prompt fetching, what a prompt says, and the synthetic speech that simulated people "say" into
// recordings.
export { parseWav, promptFormatProblem, WavError } from './wav-parse';
export type { WavInfo } from './wav-parse';
export { encodeWav } from './wav-encode';
export { promptNameOf, promptTextOf, readInfoList, UNTITLED_PROMPT } from './wav-info';
export { synthesizeSpeechWav } from './speech';
export { findChunk, readSpeechMarker, withSpeechMarker, type MarkedSpeech } from './speech-marker';
export { fetchPrompt } from './prompt-fetch';
export type { FetchPromptOptions, FetchPromptResult } from './prompt-fetch';
