// The queues' agents' presence followed by a Graph subscription (when Graph can reach PUBLIC_URL), so an
// agent who becomes Available is offered a waiting caller at once.
import {
  agentIds,
  canReceiveNotifications,
  createAgentPresence,
  type AgentPresence,
  type CallFlows,
} from '../calling';
import type { GraphServices } from './bot-ports/graph-services';
import type { Config } from './config';
import type { Edge } from './http/types';
import type { Logger } from './logger';
import type { Store } from '../store';

/** The subscription, or undefined when Graph could not post to this app (agents are then read each round). */
export function createAgentPresenceFor(
  config: Config,
  graph: GraphServices,
  store: Store,
  logger: Logger,
): AgentPresence | undefined {
  if (!config.QUEUES_CONFIG || !canReceiveNotifications(config.publicUrl)) return undefined;
  return createAgentPresence({
    graph: graph.graph,
    // The subscription is the deployment's: every instance finds it (and its secret) in the store.
    kv: store.kv,
    locks: store.locks,
    notificationUrl: `${config.publicUrl}/api/notifications`,
    logger,
  });
}

/** Subscribes to every agent of every queue; a refusal is logged and the queues work on without it. */
export function followAgents(presence: AgentPresence, flows: CallFlows, logger: Logger): void {
  (async () => {
    const dir = await flows.frontDesk.directory();
    await presence.follow(Object.values(flows.queues).flatMap((q) => agentIds(q, dir)));
  })().catch((err: unknown) =>
    logger.warn(
      { err },
      'agents’ presence subscription refused: an agent who becomes Available is noticed at the next announcement round. ' +
        'Check that Graph can reach PUBLIC_URL/api/notifications and that the app has Presence.Read.All with admin consent',
    ),
  );
}

/** Change notifications: the agents' presence items to the subscription, then everything to `next`. */
export function agentPresenceNotifications(
  presence: AgentPresence | undefined,
  next: Edge,
  logger: Logger,
): Edge {
  if (!presence) return next;
  return async (req) => {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      // `next` answers the malformed body with its 400 (and says why).
      return next(req);
    }
    // Not awaited: Graph wants its answer within 3 s, and a lifecycle notice may make the subscription
    // again (with Graph's validation handshake to this very server) before the people are told.
    presence
      .accept(body)
      .catch((err: unknown) =>
        logger.warn(
          { err },
          'agents’ presence notification not handled: an agent who changed is noticed at the next round',
        ),
      );
    return next(req);
  };
}
