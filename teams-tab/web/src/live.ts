// Live updates from GET /api/tab/events (server-sent events opened with a single-use ticket), with
// polling of /presence (and /queues) as the fallback when the stream cannot be kept open.
import { ApiError } from './api';
import type { Api } from './api';
import type { Call, Presence, QueueBoard } from './types';

export interface LiveHandlers {
  presence(p: Presence): void;
  call(c: Call): void;
  /** A call queue's board changed. */
  queue?(b: QueueBoard): void;
  /** How updates arrive now: 'subscription' / 'polling' as the server says, or 'tab-polling'. */
  mode(m: string): void;
  /**
   * A stream opened (once per stream). News sent while no stream was open (before the first, or between
   * a closed one and its replacement) never arrives: read again what the view shows.
   */
  opened?(): void;
  /** A refusal only the user can fix (sign-in, consent): watching stops until they do. */
  fail?(err: ApiError): void;
}

const POLL_MS = 10_000;
const MAX_STREAM_FAILURES = 3;

/** The part of EventSource the watcher uses. */
export interface StreamLike {
  addEventListener(type: string, listener: (e: Event) => void): void;
  onerror: ((e: Event) => void) | null;
  close(): void;
}

export interface WatchOptions {
  openStream?: (url: string) => StreamLike;
  /** Base delay between reopening a failed stream (multiplied by the failures so far). */
  retryMs?: number;
}

/** Watches ids until the returned function is called. */
export function watch(api: Api, ids: string[], on: LiveHandlers, opts: WatchOptions = {}): () => void {
  const openStream =
    opts.openStream ?? ((url: string): StreamLike => new EventSource(url) as unknown as StreamLike);
  const retryMs = opts.retryMs ?? 1000;
  let stopped = false;
  let source: StreamLike | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  // Without a stream the queues' boards are read with presence; a deployment without queues says so
  // once (503) and is not asked again.
  let pollQueues = on.queue !== undefined;
  const readQueues = (): Promise<void> =>
    pollQueues && on.queue
      ? api.queues().then(
          (boards) => boards.forEach((b) => on.queue?.(b)),
          (err: unknown) => {
            if (err instanceof ApiError && err.status === 503) pollQueues = false;
            else throw err;
          },
        )
      : Promise.resolve();

  const poll = (): void => {
    if (stopped) return;
    const again = (): void => {
      if (!stopped) pollTimer = setTimeout(poll, POLL_MS);
    };
    Promise.all([api.presence(ids).then((list) => list.forEach((p) => on.presence(p))), readQueues()]).then(
      again,
      (err: unknown) => {
        if (refusedForGood(err)) return;
        console.warn('presence poll failed', err);
        again();
      },
    );
  };

  const open = async (): Promise<void> => {
    if (stopped) return;
    let url: string;
    try {
      url = (await api.eventsTicket(ids)).url;
    } catch (err) {
      if (refusedForGood(err)) return;
      console.warn('events ticket refused', err);
      return fallBack();
    }
    if (stopped) return;
    const es = openStream(url);
    source = es;
    let first = true;
    es.addEventListener('ready', (e) => {
      failures = 0;
      if (first) on.opened?.();
      first = false;
      const data = parse<{ presenceUpdates?: string }>(e);
      on.mode(data?.presenceUpdates ?? 'subscription');
    });
    es.addEventListener('presence', (e) => {
      const p = parse<Presence>(e);
      if (p) on.presence(p);
    });
    es.addEventListener('call', (e) => {
      const c = parse<{ call: Call }>(e);
      if (c) on.call(c.call);
    });
    es.addEventListener('queue', (e) => {
      const q = parse<{ queue: QueueBoard }>(e);
      if (q) on.queue?.(q.queue);
    });
    // A ticket is single use: EventSource's own reconnect would present a dead one, so reopen by hand.
    es.onerror = () => {
      es.close();
      if (stopped) return;
      failures += 1;
      if (failures >= MAX_STREAM_FAILURES) return fallBack();
      setTimeout(start, retryMs * failures);
    };
  };

  // A stream that cannot be opened at all (say, a URL the browser refuses) is one more reason to poll.
  const start = (): void => {
    open().catch((err: unknown) => {
      console.warn('live updates could not be opened; checking presence by polling instead', err);
      fallBack();
    });
  };

  const fallBack = (): void => {
    if (stopped) return;
    on.mode('tab-polling');
    poll();
  };

  const refusedForGood = (err: unknown): boolean => {
    if (!(err instanceof ApiError && err.needsConsent) || !on.fail) return false;
    stopped = true;
    on.fail(err);
    return true;
  };

  start();
  return () => {
    stopped = true;
    source?.close();
    clearTimeout(pollTimer);
  };
}

function parse<T>(e: Event): T | undefined {
  try {
    return JSON.parse((e as unknown as { data: string }).data) as T;
  } catch (err) {
    console.warn('unreadable event', err);
    return undefined;
  }
}
