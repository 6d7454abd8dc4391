// Click-to-call as asked for (the request) and as stored (the record with its result: the state of its
// `connect` flow on the flow runtime).
import type { ReminderTarget } from '../reminders';

/** Who to call first (A) and who to connect them to (B): user object ids or E.164 numbers. */
export interface ConnectRequest {
  /** A: called first; an Entra user object id, or an E.164 number (needs `from`). */
  readonly a: string;
  readonly aName?: string;
  /** B: who A is connected to; an Entra user object id, or an E.164 number (needs `from`). */
  readonly b: string;
  readonly bName?: string;
  /** Who asked; the result is posted to their chat (conversationId), else to the default chat. */
  readonly requestedBy: { readonly id: string; readonly name?: string; readonly conversationId?: string };
  /** The resource account to call from; required when either side is a phone number. */
  readonly from?: { readonly applicationInstance: string };
}

/** `consulting`: A is on the line and B's phone rings on a call of its own. */
export type ConnectStatus = 'calling' | 'announcing' | 'consulting' | 'transferring' | 'done';

/** How it ended. */
export type ConnectResult =
  /** A was transferred to B (B answered). */
  | 'connected'
  /** A did not take the call. */
  | 'no-answer'
  | 'busy'
  | 'declined'
  /** A answered, but B was not put through (B declined, was busy, did not answer, or the transfer failed). */
  | 'transfer-failed'
  /** A hung up before being connected, or something else went wrong. */
  | 'failed';

/** The stored click-to-call. */
export interface ConnectRecord {
  readonly id: string;
  readonly a: ReminderTarget;
  readonly b: ReminderTarget;
  readonly requestedBy: ConnectRequest['requestedBy'];
  readonly from?: { readonly applicationInstance: string };
  readonly status: ConnectStatus;
  /** The call to A (it ends when A is handed over to B). */
  readonly callId?: string;
  /** The consultation call to B (A's call is transferred onto it once B answers). */
  readonly bCallId?: string;
  readonly result?: ConnectResult;
  /** What happened, in words. */
  readonly reason?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly answeredAt?: number;
  readonly finishedAt?: number;
  /** Whether the requester was told, and where. */
  readonly notice?: { readonly target: string; readonly delivered: boolean; readonly error?: string };
}
