// The call model's events as a stream of LiveCall snapshots for the bot's live call cards.
import type { LiveCall } from '../../bot';
import type { CallView } from '../../calling';
import type { CallNotes } from './call-notes';
import { liveCallOf } from './live-call';
import type { CallModel, PortsLogger } from './types';

/** Sequence numbers that only grow, and stay above earlier runs' (they start from the clock). */
export function sequencer(now: () => number): () => number {
  let last = 0;
  return () => (last = Math.max(last + 1, now()));
}

/** Feeds every call change to the listeners, one call's changes in the order they happened. */
export class CallUpdates {
  private readonly listeners = new Set<(call: LiveCall) => void>();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly offs: Array<() => void>;

  constructor(
    private readonly deps: {
      calling: Pick<CallModel, 'on'>;
      notes: CallNotes;
      logger: PortsLogger;
      appName: string;
      now: () => number;
      sequence: () => number;
    },
  ) {
    const { calling, notes } = deps;
    this.offs = [
      calling.on('stateChanged', (e) => {
        // The terminated event below carries the same change with its reason.
        if (e.to === 'terminated') return;
        this.push(
          e.call,
          e.to === 'established' ? () => notes.connected(e.call.id, e.call.updatedAt) : undefined,
        );
      }),
      calling.on('participantsJoined', (e) => this.push(e.call)),
      calling.on('participantsLeft', (e) => this.push(e.call)),
      calling.on('terminated', (e) => this.push(e.call)),
    ];
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (call: LiveCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops following the call model. */
  close(): void {
    for (const off of this.offs) off();
    this.listeners.clear();
  }

  private push(view: CallView, before?: () => Promise<unknown>): void {
    const callId = view.id;
    const work = async () => {
      if (before) {
        await before().catch((err: unknown) =>
          this.deps.logger.warn({ err, callId }, 'could not note when the call connected'),
        );
      }
      const inRoster = view.participants.flatMap((p) => (p.identity.id ? [p.identity.id] : []));
      await this.deps.notes
        .sawInRoster(callId, inRoster)
        .catch((err: unknown) => this.deps.logger.warn({ err, callId }, 'could not note who joined'));
      if (this.listeners.size === 0) return;
      const live = liveCallOf(view, await this.deps.notes.get(callId), {
        appName: this.deps.appName,
        now: this.deps.now(),
        sequence: this.deps.sequence(),
      });
      for (const listener of this.listeners) {
        try {
          listener(live);
        } catch (err) {
          this.deps.logger.warn({ err, callId }, 'a call update listener failed');
        }
      }
    };
    const tail: Promise<void> = (this.chains.get(callId) ?? Promise.resolve())
      .then(work)
      .catch((err: unknown) => this.deps.logger.warn({ err, callId }, 'could not pass on a call update'))
      .finally(() => {
        if (this.chains.get(callId) === tail) this.chains.delete(callId);
      });
    this.chains.set(callId, tail);
  }
}
