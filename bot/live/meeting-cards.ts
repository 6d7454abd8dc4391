import { meetingCard } from '../cards/meeting-card';
import type { Meeting } from '../ports';
import type { BotStorage } from '../storage';
import type { BotLogger } from '../types';
import type { ConversationBook } from './conversations';
import type { Proactive } from './proactive';

/** Where a meeting card was posted. */
export interface MeetingCardPlacement {
  readonly conversationId: string;
  readonly activityId: string;
}

const KEY_PREFIX = 'switchboard/meetingcard/';
// A card stops being kept up to date once it has this many newer siblings for the same meeting.
const MAX_PLACEMENTS = 20;

/**
 * Live meeting cards: remembers (in the store) which cards show which meeting and edits them in place
 * when the meeting is moved, cancelled or its attendance becomes known. Work for one meeting is
 * serialized so that edits land in order.
 */
export class MeetingCards {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: {
      storage: BotStorage;
      conversations: ConversationBook;
      proactive: Proactive;
      logger: BotLogger;
    },
  ) {}

  private serial(meetingId: string, work: () => Promise<void>): Promise<void> {
    const run = (this.chains.get(meetingId) ?? Promise.resolve()).then(work);
    const forget = (): void => {
      if (this.chains.get(meetingId) === tail) this.chains.delete(meetingId);
    };
    const tail: Promise<void> = run.then(forget, forget);
    this.chains.set(meetingId, tail);
    return run;
  }

  private async placements(meetingId: string): Promise<MeetingCardPlacement[]> {
    const key = KEY_PREFIX + meetingId;
    const item = (await this.deps.storage.read([key]))[key] as
      { placements?: MeetingCardPlacement[] } | undefined;
    return item?.placements ?? [];
  }

  /** Keeps the card in `placement` up to date with the meeting from now on. */
  async track(meetingId: string, placement: MeetingCardPlacement): Promise<void> {
    const work = async () => {
      const others = (await this.placements(meetingId)).filter((p) => p.activityId !== placement.activityId);
      const placements = [...others, placement].slice(-MAX_PLACEMENTS);
      await this.deps.storage.write({ [KEY_PREFIX + meetingId]: { placements, eTag: '*' } });
    };
    // A failure leaves the card as it was posted; the turn itself goes on.
    await this.serial(meetingId, work).catch((err: unknown) =>
      this.deps.logger.warn({ err, meetingId }, 'could not remember a meeting card'),
    );
  }

  /** The meeting changed: edits every card that shows it, in the background (failures logged). */
  update(meeting: Meeting): void {
    const card = meetingCard(meeting);
    const work = async () => {
      for (const p of await this.placements(meeting.id)) {
        try {
          const ref = await this.deps.conversations.get(p.conversationId);
          if (!ref) {
            this.deps.logger.warn(
              { conversationId: p.conversationId },
              'no conversation reference for a meeting card',
            );
            continue;
          }
          await this.deps.proactive.update(ref, p.activityId, card);
        } catch (err) {
          this.deps.logger.warn(
            { err, meetingId: meeting.id, activityId: p.activityId },
            'could not update a meeting card',
          );
        }
      }
    };
    this.serial(meeting.id, work).catch((err: unknown) =>
      this.deps.logger.warn({ err, meetingId: meeting.id }, 'meeting card update failed'),
    );
  }
}
