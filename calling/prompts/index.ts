export { checkPrompts, PromptCheckError } from './check-prompts';
export { createPromptResourceIds, promptResourceId, type PromptFolder } from './resource-id';
export { promptProblem, readWavFormat, type WavFormat } from './wav-format';
export { readWavTags, withWavTags, type WavTags } from './wav-info';
