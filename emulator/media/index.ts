// Audio for the emulated media platform: WAV parsing and Graph's prompt format rule, prompt fetching,
// and the synthetic speech that simulated people "say" into recordings.
export { parseWav, promptFormatProblem, WavError } from './wav-parse';
export type { WavInfo } from './wav-parse';
export { encodeWav } from './wav-encode';
export { synthesizeSpeechWav } from './speech';
export { fetchPrompt } from './prompt-fetch';
export type { FetchPromptOptions, FetchPromptResult } from './prompt-fetch';
