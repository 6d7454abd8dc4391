import { callCard } from '../cards/call-card';
import type { AdaptiveCard } from '../cards/types';
import type { CallsPort, LiveCall } from '../ports';
import type { BotStorage } from '../storage';
import type { BotLogger } from '../types';
import type { ConversationBook } from './conversations';
import type { Proactive } from './proactive';
import { isNewer, keepPeople, newest } from './snapshots';

/** Where a call card was posted: enough to update it in place later. */
export interface CardPlacement {
  readonly conversationId: string;
  readonly activityId: string;
  readonly refreshUserIds: readonly string[];
}

interface CallCardRecord {
  placements: CardPlacement[];
  last?: LiveCall;
}

const KEY_PREFIX = 'switchboard/callcard/';
const RECENT_LIMIT = 500;
/**
 * Live call cards: remembers which cards show which call (in the store) and edits them in place as the
 * call rings, connects, gains people and ends. Work for one call is serialized so edits land in order.
 */
export class LiveCallCards {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly recent = new Map<string, LiveCall>();

  constructor(
    private readonly deps: {
      storage: BotStorage;
      conversations: ConversationBook;
      proactive: Proactive;
      calls: CallsPort;
      logger: BotLogger;
      now: () => number;
    },
  ) {}

  /**
   * Runs work for one call after the work before it. The next piece of work waits for this one whatever
   * its outcome; the outcome goes to the caller.
   */
  private serial(callId: string, work: () => Promise<void>): Promise<void> {
    const run = (this.chains.get(callId) ?? Promise.resolve()).then(work);
    const forget = (): void => {
      if (this.chains.get(callId) === tail) this.chains.delete(callId);
    };
    const tail: Promise<void> = run.then(forget, forget);
    this.chains.set(callId, tail);
    return run;
  }

  private failed(callId: string): (err: unknown) => void {
    return (err) => this.deps.logger.warn({ err, callId }, 'call card update failed');
  }

  private remember(call: LiveCall): void {
    if (!isNewer(call, this.recent.get(call.id))) return;
    this.recent.delete(call.id);
    this.recent.set(call.id, call);
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
  }

  private async read(callId: string): Promise<CallCardRecord | undefined> {
    const key = KEY_PREFIX + callId;
    return (await this.deps.storage.read([key]))[key] as CallCardRecord | undefined;
  }

  private async write(callId: string, record: CallCardRecord): Promise<void> {
    await this.deps.storage.write({
      [KEY_PREFIX + callId]: { placements: record.placements, last: record.last, eTag: '*' },
    });
  }

  private async edit(p: CardPlacement, card: AdaptiveCard): Promise<void> {
    const ref = await this.deps.conversations.get(p.conversationId);
    if (!ref) {
      this.deps.logger.warn(
        { conversationId: p.conversationId },
        'no conversation reference for a call card',
      );
      return;
    }
    await this.deps.proactive.update(ref, p.activityId, card);
  }

  private async render(call: LiveCall, p: CardPlacement): Promise<AdaptiveCard> {
    const card = callCard(call, { now: this.deps.now(), refreshUserIds: p.refreshUserIds });
    await this.edit(p, card);
    return card;
  }

  /**
   * Starts keeping a card up to date. `shown` is the state the card shows; with `edit`, the card's activity
   * is first replaced by that card (a button's answer). Returns the card the activity shows afterwards.
   */
  async track(
    shown: LiveCall,
    placement: CardPlacement,
    edit?: AdaptiveCard,
  ): Promise<AdaptiveCard | undefined> {
    this.remember(shown);
    let result: AdaptiveCard | undefined = edit;
    const work = async () => {
      const record = (await this.read(shown.id)) ?? { placements: [] };
      const others = record.placements.filter((p) => p.activityId !== placement.activityId);
      record.placements = [...others, placement];
      const found = newest(record.last, shown, this.recent.get(shown.id));
      const latest = found && keepPeople(found, record.last ?? shown);
      record.last = latest;
      await this.write(shown.id, record);
      // A notification may have overtaken this turn: show the newer state rather than the answer.
      if (latest && found !== shown && isNewer(latest, shown)) result = await this.render(latest, placement);
      else if (edit) await this.edit(placement, edit);
    };
    // A failure leaves the card as the turn answered it; the turn itself goes on.
    await this.serial(shown.id, work).catch(this.failed(shown.id));
    return result;
  }

  /** A change of a call, from the calling module's subscription; runs in the background, failures logged. */
  update(call: LiveCall): void {
    this.remember(call);
    const work = async () => {
      const record = await this.read(call.id);
      if (!record || !isNewer(call, record.last)) return;
      const shown = keepPeople(call, record.last);
      record.last = shown;
      await this.write(call.id, record);
      for (const p of record.placements) {
        try {
          await this.render(shown, p);
        } catch (err) {
          this.deps.logger.warn(
            { err, callId: call.id, activityId: p.activityId },
            'could not update a call card',
          );
        }
      }
    };
    this.serial(call.id, work).catch(this.failed(call.id));
  }

  /** Where this call already has a card in the conversation (one call, one card per chat). */
  async placementIn(callId: string, conversationId: string): Promise<CardPlacement | undefined> {
    return (await this.read(callId))?.placements.find((p) => p.conversationId === conversationId);
  }

  /** Redraws the cards of calls still connected, so their time so far moves on; ended cards stay frozen. */
  redrawConnected(): void {
    for (const call of this.recent.values()) {
      if (call.phase !== 'connected' && call.phase !== 'onHold') continue;
      const work = async () => {
        const record = await this.read(call.id);
        const shown = record?.last;
        if (!shown || (shown.phase !== 'connected' && shown.phase !== 'onHold')) return;
        for (const p of record.placements) await this.render(shown, p).catch(this.failed(call.id));
      };
      this.serial(call.id, work).catch(this.failed(call.id));
    }
  }

  /** The newest state known for a call: the calling module's, a recent update, or the last one shown. */
  async latest(callId: string): Promise<LiveCall | undefined> {
    const [fromPort, record] = await Promise.all([this.deps.calls.get(callId), this.read(callId)]);
    const found = newest(record?.last, this.recent.get(callId), fromPort);
    return found && keepPeople(found, record?.last);
  }
}
