// Live updates for the tab: every open stream gets its user's call changes (from the call model's events)
// and the presence of the people it watches. Presence is polled on behalf of the user; Graph presence
// subscriptions would need a public notification URL per deployment, and the events are the same.
import type { CallView } from '../../../calling';
import type { TabUser } from '../auth/types';
import { createCallOwnership, type CallOwnership } from '../calls/ownership';
import { toTabCall } from '../calls/call-view';
import type { TabCalling, TabGraph, TabKv, TabLogger } from '../ports';
import { openSse, SSE_HEADERS } from './sse';
import { createTickets, type Tickets } from './tickets';
import { pollPresence } from './presence-poll';
import type { TabResponse } from '../types';

export interface EventHubDeps {
  readonly kv: TabKv;
  readonly logger: TabLogger;
  readonly calling?: TabCalling;
  readonly graph?: TabGraph;
  readonly presencePollMs?: number;
  readonly now?: () => number;
}

export interface EventHub extends Pick<Tickets, 'issue' | 'watchedBy'> {
  readonly ownership: CallOwnership;
  redeemTicket: Tickets['redeem'];
  /** Opens a stream for `user` watching `ids`; the response streams until the client leaves. */
  open(user: TabUser, ids: readonly string[]): TabResponse;
  /** How presence changes are found. */
  readonly presenceUpdates: 'polling';
  close(): void;
}

interface Listener {
  readonly user: TabUser;
  send(event: string, data: unknown): void;
}

/** The hub: one subscription per calling event, fanned out to the open streams. */
export function createEventHub(deps: EventHubDeps): EventHub {
  const now = deps.now ?? Date.now;
  const tickets = createTickets(now);
  const ownership = createCallOwnership(deps.kv);
  const listeners = new Set<Listener>();
  const streams = new Set<{ end(): void }>();

  async function fanOut(call: CallView): Promise<void> {
    for (const l of listeners) {
      if (await ownership.belongsTo(call, l.user)) l.send('call', { call: toTabCall(call) });
    }
  }
  const offs = deps.calling
    ? (['stateChanged', 'participantsJoined', 'participantsLeft', 'terminated'] as const).map((name) =>
        deps.calling!.on(name, (e: { call: CallView }) => fanOut(e.call)),
      )
    : [];

  return {
    ownership,
    issue: (user, ids) => tickets.issue(user, ids),
    redeemTicket: (t) => tickets.redeem(t),
    watchedBy: (user) => tickets.watchedBy(user),
    presenceUpdates: 'polling',
    open(user, ids) {
      const sse = openSse();
      const listener: Listener = { user, send: (event, data) => sse.send(event, data) };
      listeners.add(listener);
      streams.add(sse);
      sse.send('ready', { presenceUpdates: 'polling', ids });
      const stopPoll =
        deps.graph && ids.length > 0
          ? pollPresence({
              graph: deps.graph,
              user,
              ids,
              everyMs: deps.presencePollMs ?? 10_000,
              onChange: (p) => sse.send('presence', p),
              onAuthFailure: (body) => {
                sse.send('auth', body);
                sse.end();
              },
              logger: deps.logger,
            })
          : () => undefined;
      sse.onClose(() => {
        listeners.delete(listener);
        streams.delete(sse);
        stopPoll();
      });
      return { status: 200, headers: SSE_HEADERS, body: sse.body };
    },
    close() {
      for (const off of offs) off();
      for (const s of [...streams]) s.end();
    },
  };
}
