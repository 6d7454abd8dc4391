// The call model's typed events. Handlers run after the change is committed, never inside a call's
// lock, so a handler may await operations on the same call.
import type { ResultInfo } from '../types';
import type { CallState } from './call-machine';
import type { PartyIdentity } from './identity';
import type { Call } from './model/call';
import type { CallView, OperationView, ParticipantView } from './views';

export interface CallingEvents {
  /** A new incoming call; answer, reject or redirect it within 15 seconds. */
  incoming: { call: CallView; caller: PartyIdentity };
  /** The call reached `established` (once per call). */
  established: { call: CallView };
  stateChanged: { call: CallView; from: CallState | undefined; to: CallState; resultInfo?: ResultInfo };
  /** A key press (needs subscribeToTone). */
  tone: { call: CallView; tone: string; digit: string; sequenceId?: number };
  participantsJoined: { call: CallView; participants: ParticipantView[] };
  participantsLeft: { call: CallView; participants: ParticipantView[] };
  operationFinished: { call?: CallView; operation: OperationView };
  terminated: { call: CallView; resultInfo?: ResultInfo; reason: string };
  /**
   * The call's model after a stored change, in version order per call. A consumer that may see it
   * twice, or out of order across instances, drops a `Call` whose version is not newer than its own.
   */
  callChanged: { call: Call };
  /** Flow events were committed under this flow key (the flow outbox): the flow runtime consumes them. */
  flowEvents: { key: string };
}

export type CallingEventName = keyof CallingEvents;

/** One event waiting to be emitted. */
export type PendingEvent = {
  [K in CallingEventName]: { name: K; payload: CallingEvents[K] };
}[CallingEventName];

export type Handler<K extends CallingEventName> = (payload: CallingEvents[K]) => void | Promise<void>;

interface ErrorSink {
  error(obj: object, msg?: string): void;
}

/** A small typed emitter; a handler's throw or rejection is logged and never reaches the emitter. */
export class CallingEmitter {
  private readonly handlers = new Map<CallingEventName, Set<Handler<CallingEventName>>>();

  constructor(private readonly log: ErrorSink) {}

  /** Subscribes; returns the function that unsubscribes. */
  on<K extends CallingEventName>(name: K, handler: Handler<K>): () => void {
    const set = this.handlers.get(name) ?? new Set();
    this.handlers.set(name, set);
    set.add(handler as Handler<CallingEventName>);
    return () => set.delete(handler as Handler<CallingEventName>);
  }

  emit(event: PendingEvent): void {
    for (const handler of this.handlers.get(event.name) ?? []) {
      try {
        const result = handler(event.payload);
        if (result && typeof (result as Promise<void>).catch === 'function') {
          (result as Promise<void>).catch((err: unknown) => this.report(event, err));
        }
      } catch (err) {
        this.report(event, err);
      }
    }
  }

  private report(event: PendingEvent, err: unknown): void {
    const callId = 'call' in event.payload ? event.payload.call?.id : undefined;
    this.log.error({ err, event: event.name, callId }, 'a calling event handler failed');
  }
}
