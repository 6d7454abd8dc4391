// Cards kept up to date in place: which posted cards show which subject (a meeting, a queue) is kept in
// the bot's storage, so a restart keeps them, and each change of the subject edits every one of them.
// Work for one subject is serialized, so edits land in order.
import type { AdaptiveCard } from '../cards/types';
import type { BotStorage } from '../storage';
import type { BotLogger } from '../types';
import type { ConversationBook } from './conversations';
import type { Proactive } from './proactive';

/** Where a card was posted. */
export interface CardPlacement {
  readonly conversationId: string;
  readonly activityId: string;
}

export interface TrackedCardsDeps {
  readonly storage: BotStorage;
  readonly conversations: ConversationBook;
  readonly proactive: Proactive;
  readonly logger: BotLogger;
}

/** What kind of subject the cards show, and how. */
export interface TrackedKind<T> {
  /** The storage key's prefix (kept stable: cards already posted are found by it). */
  readonly prefix: string;
  /** The subject in log lines ("meeting", "queue"), and the log field naming it ("meetingId", "queue"). */
  readonly what: string;
  readonly logKey: string;
  readonly keyOf: (subject: T) => string;
  readonly cardOf: (subject: T) => AdaptiveCard;
}

// A card stops being kept up to date once it has this many newer siblings for the same subject.
const MAX_PLACEMENTS = 20;

export class TrackedCards<T> {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: TrackedCardsDeps,
    private readonly kind: TrackedKind<T>,
  ) {}

  private serial(key: string, work: () => Promise<void>): Promise<void> {
    const run = (this.chains.get(key) ?? Promise.resolve()).then(work);
    const forget = (): void => {
      if (this.chains.get(key) === tail) this.chains.delete(key);
    };
    const tail: Promise<void> = run.then(forget, forget);
    this.chains.set(key, tail);
    return run;
  }

  private async placements(key: string): Promise<CardPlacement[]> {
    const stored = this.kind.prefix + key;
    const item = (await this.deps.storage.read([stored]))[stored] as
      { placements?: CardPlacement[] } | undefined;
    return item?.placements ?? [];
  }

  /** Keeps the card in `placement` up to date with the subject `key` from now on. */
  async track(key: string, placement: CardPlacement): Promise<void> {
    const work = async () => {
      const others = (await this.placements(key)).filter((p) => p.activityId !== placement.activityId);
      const placements = [...others, placement].slice(-MAX_PLACEMENTS);
      await this.deps.storage.write({ [this.kind.prefix + key]: { placements, eTag: '*' } });
    };
    // A failure leaves the card as it was posted; the turn itself goes on.
    await this.serial(key, work).catch((err: unknown) =>
      this.deps.logger.warn({ err, [this.kind.logKey]: key }, `could not remember a ${this.kind.what} card`),
    );
  }

  /** The subject changed: edits every card that shows it, in the background (failures logged). */
  update(subject: T): void {
    const { what, logKey } = this.kind;
    const key = this.kind.keyOf(subject);
    const card = this.kind.cardOf(subject);
    const work = async () => {
      for (const p of await this.placements(key)) {
        try {
          const ref = await this.deps.conversations.get(p.conversationId);
          if (!ref) {
            this.deps.logger.warn(
              { conversationId: p.conversationId },
              `no conversation reference for a ${what} card`,
            );
            continue;
          }
          await this.deps.proactive.update(ref, p.activityId, card);
        } catch (err) {
          this.deps.logger.warn(
            { err, [logKey]: key, activityId: p.activityId },
            `could not update a ${what} card`,
          );
        }
      }
    };
    this.serial(key, work).catch((err: unknown) =>
      this.deps.logger.warn({ err, [logKey]: key }, `${what} card update failed`),
    );
  }
}
