// The flow runtime: flows as reducers over call events and timers, kept in the flows table, taken over from dead instances.
export { createFlowRuntime, type FlowRuntime, type FlowRuntimeOptions } from './flow-runtime';
export type { BeginOptions } from './runtime-api';
export type { Rescue } from './flow-failure';
export {
  createWatchdog,
  DEFAULT_WATCHDOG_TIMING,
  undriven,
  WATCHDOG_JOB,
  type Watchdog,
  type WatchdogTiming,
} from './watchdog';
export type { CallFlowControl, FlowControl, FlowEvent, FlowHandler, StoredFlow } from './types';
export { callControl } from './types';
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
  callIsOver,
  hangUpResending,
  isTransient,
  MAX_RESENDS,
  resendDelayMs,
  resending,
  type ResendOptions,
} from './resend';
export {
  ConfigFileError,
  keyPath,
  parseConfigText,
  readConfigFile,
  validateValue,
  type ConfigIssue,
} from './config-file';
