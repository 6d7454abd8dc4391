// Reaction times of the apps, measured on the emulator's side of the wire (GET /emulator/reactions).
export { ReactionRecorder, RECORDER_LIMIT } from './recorder';
export type { CallRef, DuplicateReaction, MissedReaction, ReactionSample } from './recorder';
export { ANSWERS, actionOf, bodyKey, stimulusOf } from './classify';
export type { Stimulus } from './classify';
