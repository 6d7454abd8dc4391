import type { AdaptiveCard } from '../cards/types';
import type { Clock } from '../parse/when';
import type { BotPorts, LiveCall, Meeting, Requester } from '../ports';

/** A member of the conversation as the Teams roster describes them. */
export interface RosterMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
}

/** What the bot can learn from Teams about the current conversation. */
export interface ConversationRoster {
  member(id: string): Promise<RosterMember | undefined>;
  members(): Promise<readonly RosterMember[]>;
  /** The join URL when the conversation is a meeting's chat. */
  meetingJoinUrl(): Promise<string | undefined>;
}

/** Everything a command handler may use during one turn. */
export interface Scope {
  readonly ports: BotPorts;
  readonly requester: Requester;
  /** The user's channel account id (29:...), the id Teams uses for card refresh. */
  readonly userId: string;
  readonly conversationId: string;
  readonly conversationType: 'personal' | 'groupChat' | 'channel';
  readonly clock: Clock;
  /** Typed in the chat, or clicked on a card. */
  readonly via: 'chat' | 'card';
  readonly roster: ConversationRoster;
  /** The newest known state of a call. */
  liveCall(callId: string): Promise<LiveCall | undefined>;
  readonly alerts: { isHere(): Promise<boolean>; setHere(): Promise<void> };
}

/** What a command answers with. */
export interface Outcome {
  readonly card: AdaptiveCard;
  /** The card shows this call: keep it up to date as the call changes. */
  readonly track?: LiveCall;
  /** Replace the card the button was on, rather than post a new one. */
  readonly inPlace?: boolean;
  /** The card shows this meeting: edit it whenever the meeting changes. */
  readonly meeting?: Meeting;
  /** The card shows this queue's board: edit it whenever the board changes. */
  readonly queue?: string;
}
