// Call records end to end: the tracker follows calls through the engine's hooks, and each ended call's
// record is scheduled to appear after the configured delay.
import type { Clock } from '../clock';
import type { CallRec } from '../graph';
import type { Directory } from '../people';
import { buildRecord } from './build-record';
import { RecordStore } from './record-store';
import { CallTracker } from './tracker';

/** The call-record side of the emulator. */
export class CallRecords {
  readonly store: RecordStore;
  private readonly tracker: CallTracker;

  constructor(private readonly deps: { clock: Clock; directory: Directory; delayMs: number }) {
    this.store = new RecordStore(deps.clock, deps.delayMs);
    this.tracker = new CallTracker(deps.clock.now);
  }

  /** The engine's change hook. */
  callChanged(call: CallRec): void {
    this.tracker.changed(call);
  }

  /** The engine's end hook: the call's record will appear after the delay. */
  callEnded(call: CallRec): void {
    const ended = this.tracker.ended(call);
    this.store.schedule(call.callChainId, () =>
      buildRecord(ended, this.deps.directory, this.deps.clock.now()),
    );
  }

  reset(): void {
    this.tracker.clear();
    this.store.reset();
  }
}
