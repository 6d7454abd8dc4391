// The queue boards are watched (the store and Teams presence read every few seconds) only while a queue
// card somewhere is live, so an app nobody looks at reads nothing. A card is live for QUEUE_CARD_LIVE_MS
// after it was posted or its buttons were last used; which queues have live cards, and until when, is
// kept in the bot's storage, so a restart follows the boards again only if a card still needs it.
import type { QueueBoardView, QueuesPort } from '../ports';
import type { BotStorage } from '../storage';
import type { BotLogger } from '../types';

const INDEX_KEY = 'switchboard/queuecards/live';
/** How long a queue card is kept up to date after it was posted or its buttons were last used. */
export const QUEUE_CARD_LIVE_MS = 12 * 3600_000;
// setTimeout's longest delay.
const MAX_DELAY_MS = 2 ** 31 - 1;

/** Queue name → until when (epoch ms) a card of it is live. */
type LiveUntil = Record<string, number>;

export interface QueueFollowDeps {
  readonly storage: BotStorage;
  readonly queues: Pick<QueuesPort, 'subscribe'>;
  /** A board that changed, while followed. */
  readonly onBoard: (board: QueueBoardView) => void;
  readonly now: () => number;
  readonly logger: BotLogger;
}

/** Subscribes to the boards while a queue card is live, and only then. */
export class QueueFollow {
  private unsubscribe: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private earliest = Infinity;
  private chain: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly deps: QueueFollowDeps) {}

  /** Follows the boards if a card posted before (this run or an earlier one) is still live. */
  start(): void {
    // `serial` logs its own failures; this catch only keeps the promise handled.
    this.serial(async () => this.apply(await this.read())).catch(() => undefined);
  }

  /** A card of `queue` was posted or used: live from now on. */
  tracked(queue: string): Promise<void> {
    return this.serial(async () => {
      const live = await this.read();
      live[queue] = this.deps.now() + QUEUE_CARD_LIVE_MS;
      await this.deps.storage.write({ [INDEX_KEY]: { until: live, eTag: '*' } });
      this.apply(live);
    });
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  // One change at a time; a failure leaves the watch as it was (logged), and the next change tries again.
  private serial(work: () => Promise<void>): Promise<void> {
    this.chain = this.chain
      .then(work)
      .catch((err: unknown) => this.deps.logger.warn({ err }, 'could not update which queue cards are live'));
    return this.chain;
  }

  private async read(): Promise<LiveUntil> {
    const item = (await this.deps.storage.read([INDEX_KEY]))[INDEX_KEY] as { until?: LiveUntil } | undefined;
    const now = this.deps.now();
    return Object.fromEntries(Object.entries(item?.until ?? {}).filter(([, until]) => until > now));
  }

  /** Watches while `live` has a queue, and looks again when its first card stops being live. */
  private apply(live: LiveUntil): void {
    if (this.closed) return;
    this.earliest = Math.min(...Object.values(live));
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.earliest === Infinity) {
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      return;
    }
    this.unsubscribe ??= this.deps.queues.subscribe((board) => {
      this.deps.onBoard(board);
      if (this.deps.now() >= this.earliest) this.start();
    });
    const delay = Math.min(MAX_DELAY_MS, Math.max(0, this.earliest - this.deps.now()));
    this.timer = setTimeout(() => this.start(), delay);
    this.timer.unref();
  }
}
