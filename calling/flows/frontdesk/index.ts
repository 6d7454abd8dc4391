// The front desk: rules for incoming calls (block, redirect, hours, capacity, IVR), from a file and editable at run time.
export { createFrontDesk, FRONTDESK_KV, type FrontDesk, type FrontDeskOptions } from './front-desk';
export { createCallFlows, type CallFlows, type CallFlowsOptions } from './setup';
export { loadCallFlowFiles, type CallFlowFiles } from './load-files';
export { decide, describeAction, directoryOf, type Decision, type DecisionInput } from './decide';
export { openAt, localTime } from './hours';
export { callerMatches, phonePattern } from './match';
export {
  checkFrontDesk,
  loadFrontDeskConfig,
  validateFrontDeskConfig,
  type FrontDeskCheckContext,
} from './load-config';
export {
  frontDeskConfigSchema,
  type FrontDeskConfig,
  type FrontDeskRule,
  type FrontDeskAction,
  type Hours,
  type CallerMatch,
} from './config-schema';
export { closedMenu } from './closed-menu';
