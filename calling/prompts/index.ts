export { checkPrompts, PromptCheckError } from './check-prompts';
export { promptProblem, readWavFormat, type WavFormat } from './wav-format';
export { readWavTags, withWavTags, type WavTags } from './wav-info';
