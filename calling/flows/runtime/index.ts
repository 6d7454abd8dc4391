// The flow runtime: flows as reducers over call events, kept in the call's flow JSON, taken over from dead instances.
export { createFlowRuntime, type FlowRuntime, type FlowRuntimeOptions } from './flow-runtime';
export type { Rescue } from './flow-failure';
export {
  createWatchdog,
  DEFAULT_WATCHDOG_TIMING,
  undriven,
  WATCHDOG_JOB,
  type Watchdog,
  type WatchdogTiming,
} from './watchdog';
export type { FlowControl, FlowEvent, FlowHandler, StoredFlow } from './types';
export { isStoredFlow } from './stored-flow';
export {
  EMPTY_DIRECTORY,
  describeIdentity,
  meetingSchema,
  partyOfIdentity,
  partySchema,
  resolveTarget,
  targetSchema,
  type Directory,
  type Target,
} from './party';
export { latestOperation } from './resume-helpers';
export {
  ConfigFileError,
  keyPath,
  parseConfigText,
  readConfigFile,
  validateValue,
  type ConfigIssue,
} from './config-file';
