export { checkPrompts, PromptCheckError } from './check-prompts';
export { promptProblem, readWavFormat, type WavFormat } from './wav-format';
