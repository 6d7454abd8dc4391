import { queueBoardCard } from '../cards/queue-card';
import type { QueueBoardView } from '../ports';
import { TrackedCards, type CardPlacement, type TrackedCardsDeps } from './tracked-cards';

/** Where a queue's board card was posted. */
export type QueueCardPlacement = CardPlacement;

/** Live queue cards: edited in place each time the queue's board changes. */
export class QueueCards extends TrackedCards<QueueBoardView> {
  /** `onTracked`: a card of the queue was posted or used (the boards are followed while one is live). */
  constructor(
    deps: TrackedCardsDeps,
    private readonly onTracked: (queue: string) => Promise<void>,
  ) {
    super(deps, {
      prefix: 'switchboard/queuecard/',
      what: 'queue',
      logKey: 'queue',
      keyOf: (b) => b.queue,
      cardOf: queueBoardCard,
    });
  }

  override async track(key: string, placement: CardPlacement): Promise<void> {
    await super.track(key, placement);
    await this.onTracked(key);
  }
}
