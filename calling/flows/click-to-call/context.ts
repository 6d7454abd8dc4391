// What the parts of click-to-call share: the calling service, the text prompts, the notifier, timings.
import type { CallingApi, CoreLogger } from '../../core';
import type { Notifier } from '../notify';
import type { Voice } from '../reminders';

/** The part of the calling service click-to-call uses. */
export type ConnectCalling = Pick<
  CallingApi,
  'placeCall' | 'playPrompt' | 'transfer' | 'hangUp' | 'getCall' | 'operations' | 'waitForOperation'
>;

export interface ClickToCallTiming {
  /** A call to A still ringing this long is hung up (default 90 s). */
  readonly ringTimeoutMs: number;
  /** How long B's phone may ring, and the transfer onto B's call may take (default 90 s each). */
  readonly transferTimeoutMs: number;
}

export const DEFAULT_CLICK_TO_CALL_TIMING: ClickToCallTiming = {
  ringTimeoutMs: 90_000,
  transferTimeoutMs: 90_000,
};

/** The runtime's kind of a click-to-call flow; its key is `connect:<id>`. */
export const CONNECT_FLOW = 'connect';
export const CONNECT_SCENARIO = 'click-to-call';
export const connectKey = (id: string) => `connect:${id}`;

export interface ConnectContext {
  readonly calling: ConnectCalling;
  readonly notifier?: Notifier;
  /** The chat results go to when the request names none (a conversation id). */
  readonly notifyTarget?: string;
  readonly voice?: Voice;
  readonly logger: CoreLogger;
  readonly timing: ClickToCallTiming;
}
