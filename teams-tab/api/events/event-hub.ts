// Live updates for the tab: every open stream gets its user's call changes (from the call model's events)
// and the presence of the people it watches. Presence is polled on behalf of the user; Graph presence
// subscriptions would need a public notification URL per deployment, and the events are the same.
import type { Call } from '../../../calling';
import type { TabUser } from '../auth/types';
import { isUsersCall, toTabCall } from '../calls/call-view';
import type { TabCalling, TabGraph, TabLogger, TabQueues } from '../ports';
import { toTabQueueBoard } from '../queues/queue-view';
import { openSse, SSE_HEADERS } from './sse';
import { createTickets, type Tickets } from './tickets';
import { pollPresence, toTabPresence, type TabPresence } from './presence-poll';
import { createPresenceSubscriptions } from './presence-subscriptions';
import type { TabResponse } from '../types';

export interface EventHubDeps {
  readonly logger: TabLogger;
  readonly calling?: TabCalling;
  readonly graph?: TabGraph;
  readonly presencePollMs?: number;
  /** Queue boards: every stream gets a `queue` event when one changes. */
  readonly queues?: TabQueues;
  /** The app's /api/notifications URL; with it (and Graph), presence is followed by subscription. */
  readonly notificationUrl?: string;
  readonly now?: () => number;
}

// With a subscription, a slow poll still runs: a notification may reach another instance of the app.
const SAFETY_POLL_MS = 60_000;

export interface EventHub extends Pick<Tickets, 'issue' | 'watchedBy'> {
  redeemTicket: Tickets['redeem'];
  /** Opens a stream for `user` watching `ids`; the response streams until the client leaves. */
  open(user: TabUser, ids: readonly string[]): TabResponse;
  /** How presence changes are found (subscriptions fall back to polling when Graph refuses one). */
  readonly presenceUpdates: 'subscription' | 'polling';
  /** Takes a change-notification collection POSTed to /api/notifications; answers how many were used. */
  acceptNotifications(body: unknown): number;
  close(): void;
}

interface Listener {
  readonly user: TabUser;
  send(event: string, data: unknown): void;
  /** Queues whose board the watcher sent this stream since it opened. */
  readonly pushed: Set<string>;
}

/**
 * The watcher reports a board only when it changes, so a stream that opens afterwards would show
 * whatever the page read before it (and a page that reopened its stream would miss the change for good).
 * Each new stream therefore starts with the boards as they are; a board the watcher sent meanwhile is
 * newer than this read and is not overwritten.
 */
function sendBoardsNow(queues: TabQueues, l: Listener, closed: () => boolean, logger: TabLogger): void {
  queues.boards
    .boards()
    .then((boards) => {
      for (const b of boards)
        if (!closed() && !l.pushed.has(b.queue)) l.send('queue', { queue: toTabQueueBoard(b) });
    })
    .catch((err: unknown) =>
      logger.warn({ err }, 'could not read the queue boards for a new stream; they show at the next change'),
    );
}

/** The hub: one subscription per calling event, fanned out to the open streams. */
export function createEventHub(deps: EventHubDeps): EventHub {
  const now = deps.now ?? Date.now;
  const tickets = createTickets(now);
  // The newest version of each call sent on; an older one (another instance's, late) is dropped.
  const sent = new Map<string, number>();
  const listeners = new Set<Listener>();
  const streams = new Set<{ end(): void }>();
  const subscriptions =
    deps.graph?.graph && deps.notificationUrl
      ? createPresenceSubscriptions(deps.graph.graph, deps.notificationUrl, deps.logger, now)
      : undefined;

  function fanOut(call: Call): void {
    if ((sent.get(call.id) ?? -1) >= call.version) return;
    sent.set(call.id, call.version);
    if (sent.size > 5000) sent.delete(sent.keys().next().value!);
    for (const l of listeners) {
      if (isUsersCall(call, l.user)) l.send('call', { call: toTabCall(call) });
    }
  }
  const offs = deps.calling ? [deps.calling.on('callChanged', (e) => fanOut(e.call))] : [];
  // The boards are watched only while a stream is open: the watcher reads the store and presence.
  let offQueues: (() => void) | undefined;
  const followQueues = () => {
    if (!deps.queues || offQueues) return;
    offQueues = deps.queues.watch.subscribe((b) => {
      const data = { queue: toTabQueueBoard(b) };
      for (const l of listeners) {
        l.pushed.add(b.queue);
        l.send('queue', data);
      }
    });
  };

  return {
    issue: (user, ids) => tickets.issue(user, ids),
    redeemTicket: (t) => tickets.redeem(t),
    watchedBy: (user) => tickets.watchedBy(user),
    presenceUpdates: subscriptions ? 'subscription' : 'polling',
    acceptNotifications: (body) => subscriptions?.accept(body) ?? 0,
    open(user, ids) {
      const sse = openSse();
      const listener: Listener = { user, send: (event, data) => sse.send(event, data), pushed: new Set() };
      listeners.add(listener);
      streams.add(sse);
      followQueues();
      sse.send('ready', { presenceUpdates: 'polling', ids });
      if (deps.queues) sendBoardsNow(deps.queues, listener, () => sse.closed, deps.logger);
      const last = new Map<string, string>();
      const emit = (p: TabPresence) => {
        const key = `${p.availability}/${p.activity}`;
        if (last.get(p.id) === key) return;
        last.set(p.id, key);
        sse.send('presence', p);
      };
      const poll = (everyMs: number) =>
        deps.graph
          ? pollPresence({
              graph: deps.graph,
              user,
              ids,
              everyMs,
              onChange: emit,
              onAuthFailure: (body) => {
                sse.send('auth', body);
                sse.end();
              },
              logger: deps.logger,
            })
          : () => undefined;
      let stopPoll: () => void = ids.length > 0 ? poll(deps.presencePollMs ?? 10_000) : () => undefined;
      let unsubscribe: (() => void) | undefined;
      if (subscriptions && ids.length > 0) {
        const reread = (personId: string) => {
          deps.graph?.presence
            .getPresences(
              [personId],
              { kind: 'user', userAssertion: user.assertion },
              { tenantId: user.tenantId },
            )
            .then((list) => list.map(toTabPresence).forEach((p) => p && emit(p)))
            .catch((err: unknown) =>
              deps.logger.warn({ err, personId }, 'presence re-read after a notification failed'),
            );
        };
        subscriptions
          .follow(user, ids, reread)
          .then((stop) => {
            if (!stop) return;
            if (sse.closed) return stop();
            unsubscribe = stop;
            stopPoll();
            stopPoll = poll(SAFETY_POLL_MS);
            sse.send('ready', { presenceUpdates: 'subscription', ids });
          })
          .catch((err: unknown) =>
            deps.logger.warn(
              { err, userId: user.id },
              'could not switch presence updates to a subscription; the stream keeps polling',
            ),
          );
      }
      sse.onClose(() => {
        listeners.delete(listener);
        streams.delete(sse);
        if (listeners.size === 0) {
          offQueues?.();
          offQueues = undefined;
        }
        stopPoll();
        unsubscribe?.();
      });
      return { status: 200, headers: SSE_HEADERS, body: sse.body };
    },
    close() {
      for (const off of offs) off();
      offQueues?.();
      for (const s of [...streams]) s.end();
    },
  };
}
