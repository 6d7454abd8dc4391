/** Faults the control API can inject into notification delivery; counts apply to the next notifications to go out. */
export interface DeliveryFaults {
  /** Drop the next N notifications: never POSTed. */
  drop?: number;
  /** POST the next N notifications twice. */
  duplicate?: number;
  /** Hold each of the next N notifications and send it after the one that follows it for the same call. */
  reorder?: number;
  /** Act as if the callback endpoint refused connections (attempts fail and are retried) until cleared. */
  endpointDown?: boolean;
}

export type DeliveryEventType =
  | 'sent' // an attempt is POSTed now (its token signed)
  | 'status' // the endpoint answered
  | 'error' // no answer: refused, reset, timed out
  | 'retried' // another attempt is scheduled after delayMs
  | 'delivered'
  | 'gave-up'
  | 'dropped'
  | 'duplicated'
  | 'reordered' // held, to go after the next notification of its call
  | 'stopped';

/** One step of a delivery, for the call timeline. */
export interface DeliveryEvent {
  type: DeliveryEventType;
  url: string;
  callId: string;
  /** The notification's `seq` on the call's timeline, when the engine numbered it. */
  seq?: number;
  /** Emulator clock (DeliveryOptions.now) when it happened. */
  at: number;
  attempt?: number;
  status?: number;
  error?: string;
  delayMs?: number;
}

export type DeliveryOutcome = 'delivered' | 'gave-up' | 'dropped' | 'stopped';

export interface DeliveryResult {
  outcome: DeliveryOutcome;
  ok: boolean;
  /** Last HTTP status received, if any. */
  status?: number;
  /** POSTs attempted (0 when dropped, or stopped before the first). */
  attempts: number;
  error?: string;
}

export interface DeliveryOptions {
  /** Signs the calling-service token for the receiving app (aud) in a tenant (tid). */
  sign: (aud: string, tid: string) => Promise<string>;
  now?: () => number;
  /** PEM of an extra CA to trust for https callback URLs. */
  ca?: string;
  /** Waits between attempts; one more attempt than delays. Default [500, 1000, 2000, 4000, 8000, 15000]. */
  retryDelaysMs?: number[];
  onEvent?: (e: DeliveryEvent) => void;
  /** Per-attempt limit before it counts as a network failure. Default 10 s. */
  requestTimeoutMs?: number;
  /** How long a reordered notification waits for a follower before going out anyway. Default 3 s. */
  reorderHoldMs?: number;
  /** Upper bound on a Retry-After wait. Default 60 s. */
  maxRetryAfterMs?: number;
  /** Where a fault inside delivery itself (a bug) is reported, with its error. */
  log?: (msg: string, err?: unknown) => void;
}
