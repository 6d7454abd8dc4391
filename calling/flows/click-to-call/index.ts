// Click-to-call: call A, say who they are being connected to, transfer them to B, report the result.
export { createClickToCall } from './service';
export type { ClickToCall, ClickToCallOptions } from './service';
export { ClickToCallError } from './errors';
export { DEFAULT_CLICK_TO_CALL_TIMING, CONNECT_FLOW, connectKey } from './context';
export type { ClickToCallTiming, ConnectCalling } from './context';
export type { ConnectRequest, ConnectRecord, ConnectResult, ConnectStatus } from './types';
