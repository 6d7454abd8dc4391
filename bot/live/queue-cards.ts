import { queueBoardCard } from '../cards/queue-card';
import type { QueueBoardView } from '../ports';
import type { BotStorage } from '../storage';
import type { BotLogger } from '../types';
import type { ConversationBook } from './conversations';
import type { Proactive } from './proactive';

/** Where a queue's board card was posted. */
export interface QueueCardPlacement {
  readonly conversationId: string;
  readonly activityId: string;
}

const KEY_PREFIX = 'switchboard/queuecard/';
// A board card stops being kept up to date once it has this many newer siblings for the same queue.
const MAX_PLACEMENTS = 20;

/**
 * Live queue cards: remembers (in the store, so a restart keeps them) which cards show which queue and
 * edits them in place each time the queue's board changes. Work for one queue is serialized, so edits
 * land in order.
 */
export class QueueCards {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: {
      storage: BotStorage;
      conversations: ConversationBook;
      proactive: Proactive;
      logger: BotLogger;
    },
  ) {}

  private serial(queue: string, work: () => Promise<void>): Promise<void> {
    const run = (this.chains.get(queue) ?? Promise.resolve()).then(work);
    const forget = (): void => {
      if (this.chains.get(queue) === tail) this.chains.delete(queue);
    };
    const tail: Promise<void> = run.then(forget, forget);
    this.chains.set(queue, tail);
    return run;
  }

  private async placements(queue: string): Promise<QueueCardPlacement[]> {
    const key = KEY_PREFIX + queue;
    const item = (await this.deps.storage.read([key]))[key] as
      { placements?: QueueCardPlacement[] } | undefined;
    return item?.placements ?? [];
  }

  /** Keeps the card in `placement` up to date with the queue's board from now on. */
  async track(queue: string, placement: QueueCardPlacement): Promise<void> {
    const work = async () => {
      const others = (await this.placements(queue)).filter((p) => p.activityId !== placement.activityId);
      const placements = [...others, placement].slice(-MAX_PLACEMENTS);
      await this.deps.storage.write({ [KEY_PREFIX + queue]: { placements, eTag: '*' } });
    };
    // A failure leaves the card as it was posted; the turn itself goes on.
    await this.serial(queue, work).catch((err: unknown) =>
      this.deps.logger.warn({ err, queue }, 'could not remember a queue card'),
    );
  }

  /** The board changed: edits every card that shows the queue, in the background (failures logged). */
  update(board: QueueBoardView): void {
    const card = queueBoardCard(board);
    const work = async () => {
      for (const p of await this.placements(board.queue)) {
        try {
          const ref = await this.deps.conversations.get(p.conversationId);
          if (!ref) {
            this.deps.logger.warn(
              { conversationId: p.conversationId },
              'no conversation reference for a queue card',
            );
            continue;
          }
          await this.deps.proactive.update(ref, p.activityId, card);
        } catch (err) {
          this.deps.logger.warn(
            { err, queue: board.queue, activityId: p.activityId },
            'could not update a queue card',
          );
        }
      }
    };
    this.serial(board.queue, work).catch((err: unknown) =>
      this.deps.logger.warn({ err, queue: board.queue }, 'queue card update failed'),
    );
  }
}
