import { meetingCard } from '../cards/meeting-card';
import type { Meeting } from '../ports';
import { TrackedCards, type CardPlacement, type TrackedCardsDeps } from './tracked-cards';

/** Where a meeting card was posted. */
export type MeetingCardPlacement = CardPlacement;

/**
 * Live meeting cards: edited in place when the meeting is moved, cancelled or its attendance becomes
 * known.
 */
export class MeetingCards extends TrackedCards<Meeting> {
  constructor(deps: TrackedCardsDeps) {
    super(deps, {
      prefix: 'switchboard/meetingcard/',
      what: 'meeting',
      logKey: 'meetingId',
      keyOf: (m) => m.id,
      cardOf: meetingCard,
    });
  }
}
