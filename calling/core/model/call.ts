// The one model of a call that every surface renders: the chat's cards, the tab, the flows. It is
// computed by one pure function (call-model.ts) from what the store keeps: Graph's call resource and
// roster, and the app's own annotations (annotations.ts). Nothing outside calling/ keeps a second copy.
import type { ResultInfo } from '../../types';
import type { CallState } from '../call-machine';
import type { CallOutcome } from '../outcomes';

/** How far along a call is, in the words people use. */
export type CallPhase = 'ringing' | 'connecting' | 'connected' | 'onHold' | 'transferring' | 'ended';

/** What the call is for. */
export type CallPurpose =
  /** The app rings one person or number for someone (an announcement). */
  | 'oneToOne'
  /** The requester (or A) is rung first, then B is brought in ("call Megan", click-to-call). */
  | 'connect'
  /** A group call the requester is in. */
  | 'group'
  /** The app's call in an online meeting. */
  | 'meeting'
  /** Someone called the app (front desk, IVR). */
  | 'incoming'
  /** A reminder flow's call. */
  | 'reminder';

/** Where a surface asked for the call. */
export type CallSurface = 'chat' | 'tab' | 'frontDesk' | 'flow' | 'api';

/** Who asked for the call, from where, and which flow drives it. */
export interface CallOrigin {
  /** A person, by Entra object id when known. */
  readonly requestedBy?: { readonly id?: string; readonly name: string };
  readonly surface: CallSurface;
  /** The conversation it was asked for in (chat). */
  readonly conversationId?: string;
  readonly flow?: { readonly kind: string; readonly key: string };
}

/** One person's part in the call. */
export type PersonStatus =
  'ringing' | 'joined' | 'left' | 'declined' | 'busy' | 'noAnswer' | 'unreachable' | 'removed';

export interface CallPerson {
  /** Stable: the user's object id (lower case), the E.164 number, or the participant id. */
  readonly key: string;
  /** Graph's participant id while they are in the roster (for mute and remove). */
  readonly participantId?: string;
  readonly kind: 'person' | 'phone' | 'app' | 'guest';
  /** Never a raw id when a name can be known (the invitation, the roster, the directory). */
  readonly name: string;
  readonly userId?: string;
  readonly phone?: string;
  readonly status: PersonStatus;
  /** As the roster confirms it. */
  readonly muted: boolean;
  /** A mute was asked for and the roster has not confirmed it yet. */
  readonly mutePending?: boolean;
  readonly inLobby?: boolean;
  /** The app's own leg. */
  readonly isSelf: boolean;
  readonly invitedAt?: number;
  readonly joinedAt?: number;
  readonly leftAt?: number;
}

/** How the call ended, from the one catalogue of outcomes. */
export interface CallEnd {
  readonly outcome: CallOutcome;
  /** "declined", "busy", "hung up by Adele Vance"... */
  readonly words: string;
  /** Who ended it, when known (a name); for a transfer, whom the call was put through to. */
  readonly by?: string;
  readonly resultInfo?: ResultInfo;
}

/** The meeting a call is in. */
export interface CallMeeting {
  readonly joinUrl?: string;
  /** The meeting chat's thread id (19:meeting_...@thread.v2), when known. */
  readonly threadId?: string;
  /** The id of the meeting the app knows it by (its online meeting id), when the caller gave one. */
  readonly meetingId?: string;
  readonly subject?: string;
}

/** A call as every surface sees it. */
export interface Call {
  /** Exactly as Graph spelled it. */
  readonly id: string;
  readonly tenantId: string;
  readonly direction: 'incoming' | 'outgoing';
  /** Graph's callState. */
  readonly state: CallState;
  readonly phase: CallPhase;
  readonly purpose: CallPurpose;
  readonly origin: CallOrigin;
  readonly subject?: string;
  readonly meeting?: CallMeeting;
  /**
   * Everyone rung or seen, the app's own leg included (`isSelf`), in the order they came; with the
   * people its consultation legs ring (click-to-call's call to B), as each leg says.
   */
  readonly people: readonly CallPerson[];
  readonly createdAt: number;
  /** When the call first connected. */
  readonly connectedAt?: number;
  readonly endedAt?: number;
  readonly end?: CallEnd;
  /**
   * Grows with every stored change of the call or of its consultation legs (the sum of their rows'
   * versions); a consumer drops a version it has seen.
   */
  readonly version: number;
}
