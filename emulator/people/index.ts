// Simulated people: the seeded tenant, the live directory and what their scripts make them do.
export { loadTenant, parseApp, parseTenant, parseScript } from './tenant';
export type {
  AppRegistration,
  Person,
  PersonScript,
  ResourceAccount,
  SeedMeeting,
  SeedTeam,
  Tenant,
} from './tenant';
export { Directory, phoneKey } from './directory';
export { MAX_GENERATED } from './generate';
export {
  ringOutcome,
  toneOf,
  keyOf,
  keyPresses,
  keyPlan,
  mergedSpeech,
  mergeSegments,
  speechDurationMs,
  planRecording,
  DEFAULT_ANSWER_AFTER_MS,
  BUSY_AFTER_MS,
  KEY_SPACING_MS,
} from './scripts';
export type { RingOutcome, ToneName, RecordEndReason, RecordWindow, SpeechSegment } from './scripts';
