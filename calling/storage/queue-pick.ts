// Which free agent a queue rings next, by its policy; pure, so every storage picks alike and the
// policies are tested without one.
import type { PickPolicyName, QueueAgent } from './queues';

export interface PickInput {
  readonly policy: PickPolicyName;
  /** The queue's agents in its order. */
  readonly agents: readonly string[];
  readonly available: ReadonlySet<string>;
  /** Agents' states; an agent with none has never taken a queue call (idle since ever). */
  readonly states: ReadonlyMap<string, QueueAgent>;
  /** Agents not to ring for this caller now (they declined or let it ring a moment ago). */
  readonly skip: ReadonlySet<string>;
  /** The agent this queue rang last (round robin goes on after them). */
  readonly lastAgent?: string;
}

/** The agent to ring, or undefined when none is free, Available and not skipped. */
export function pickAgent(p: PickInput): string | undefined {
  const free = (id: string) =>
    p.available.has(id) && !p.skip.has(id) && (p.states.get(id)?.state ?? 'idle') === 'idle';
  if (p.policy === 'roundRobin') {
    const after = p.lastAgent === undefined ? -1 : p.agents.indexOf(p.lastAgent);
    const n = p.agents.length;
    for (let i = 1; i <= n; i += 1) {
      const id = p.agents[(after + i + n) % n];
      if (id !== undefined && free(id)) return id;
    }
    return undefined;
  }
  const candidates = p.agents.filter(free);
  if (p.policy === 'inOrder') return candidates[0];
  // Longest idle; on a tie (or agents who never took a call), the queue's order.
  let best: string | undefined;
  let bestSince = Infinity;
  for (const id of candidates) {
    const since = p.states.get(id)?.idleSince ?? -Infinity;
    if (best === undefined || since < bestSince) {
      best = id;
      bestSince = since;
    }
  }
  return best;
}
