// The call queues in memory: waiting callers, agents and ring attempts, with offerNext under the
// queue's lock and the same picking as the SQL store (queue-pick.ts). Each change runs without a pause,
// so it is whole and no other change sees it half done.
import { randomUUID } from 'node:crypto';
import type { Locks } from '../locks';
import type { QueueAgent, QueueEntry, QueueStore, RingOffer, RingOutcome } from '../queues';
import { pickAgent } from '../queue-pick';
import { type AgentRow, endRing, freeAgent, type QueueState, waitingIn } from './queue-state';

export function createMemoryQueues(locks: Locks): QueueStore {
  const s: QueueState = {
    entries: new Map(),
    agents: new Map(),
    attempts: new Map(),
    lastAgent: new Map(),
    signedOut: new Map(),
  };

  function offer(queue: string, opts: Parameters<QueueStore['offerNext']>[1]): RingOffer | undefined {
    const out = s.signedOut.get(queue) ?? new Set<string>();
    const available = new Set([...opts.available].filter((id) => !out.has(id)));
    const states = new Map<string, QueueAgent>(
      opts.agents.flatMap((id) => {
        const a = s.agents.get(id);
        return a ? [[id, a] as const] : [];
      }),
    );
    const lastAgent = s.lastAgent.get(queue);
    // The front caller first; one whom every free agent just turned down lets the next caller go ahead.
    for (const head of waitingIn(s, queue).filter((e) => e.status === 'waiting')) {
      const skip = new Set(
        [...s.attempts.values()]
          .filter(
            (a) => a.callId === head.callId && a.endedAt !== null && a.endedAt > opts.now - opts.retryAfterMs,
          )
          .map((a) => a.agentId),
      );
      const agentId = pickAgent({
        policy: opts.policy,
        agents: opts.agents,
        available,
        states,
        skip,
        ...(lastAgent === undefined ? {} : { lastAgent }),
      });
      if (agentId === undefined) continue;
      // The pair belongs to another caller: their own flow takes it when it asks.
      if (opts.forCall !== undefined && head.callId !== opts.forCall) return undefined;
      const attemptId = randomUUID();
      const had = s.agents.get(agentId);
      s.agents.set(agentId, {
        agentId,
        state: 'ringing',
        callId: head.callId,
        idleSince: had?.idleSince ?? 0,
        busySince: had?.busySince ?? null,
      });
      s.entries.set(head.callId, { ...head, status: 'ringing', agentId, attemptId });
      s.attempts.set(attemptId, {
        id: attemptId,
        queue,
        callId: head.callId,
        agentId,
        endedAt: null,
        outcome: null,
        handledMs: null,
      });
      s.lastAgent.set(queue, agentId);
      return { attemptId, queue, callId: head.callId, agentId, waitedMs: opts.now - head.arrivedAt };
    }
    return undefined;
  }

  const publicAgent = ({ busySince: _busy, ...a }: AgentRow): QueueAgent => ({ ...a });

  return {
    async enqueue(e) {
      const had = s.entries.get(e.callId);
      if (had?.queue !== e.queue) {
        const caller = e.caller ?? had?.caller;
        s.entries.set(e.callId, {
          callId: e.callId,
          queue: e.queue,
          ...(caller === undefined ? {} : { caller }),
          arrivedAt: had ? had.arrivedAt : e.now,
          queuedAt: e.now,
          status: 'waiting',
        });
      }
      return { ...(s.entries.get(e.callId) as QueueEntry) };
    },

    async entry(callId) {
      const e = s.entries.get(callId);
      return e && { ...e };
    },

    waiting: async (queue) => waitingIn(s, queue).map((e) => ({ ...e })),

    async position(callId) {
      const me = s.entries.get(callId);
      if (!me) return undefined;
      return waitingIn(s, me.queue).findIndex((e) => e.callId === callId) + 1;
    },

    offerNext: (queue, opts) => locks.withLock(`queue:${queue}`, async () => offer(queue, opts)),

    ringEnded: async (attemptId, outcome: Exclude<RingOutcome, 'cancelled'>, now) =>
      endRing(s, attemptId, outcome, now),

    async agentDone(agentId, now) {
      const agent = s.agents.get(agentId);
      if (agent?.state !== 'busy') return;
      if (agent.callId !== undefined && agent.busySince !== null)
        for (const a of s.attempts.values())
          if (a.callId === agent.callId && a.agentId === agentId && a.outcome === 'answered')
            s.attempts.set(a.id, { ...a, handledMs: now - agent.busySince });
      s.agents.set(agentId, { agentId, state: 'idle', idleSince: now, busySince: null });
    },

    async leave(callId, now) {
      const e = s.entries.get(callId);
      if (!e) return undefined;
      s.entries.delete(callId);
      if (e.status !== 'ringing' || e.attemptId === undefined || e.agentId === undefined) return {};
      const attempt = s.attempts.get(e.attemptId);
      if (attempt && attempt.endedAt === null)
        s.attempts.set(attempt.id, { ...attempt, endedAt: now, outcome: 'cancelled' });
      freeAgent(s, e.agentId, callId);
      const cancelled: RingOffer = {
        attemptId: e.attemptId,
        queue: e.queue,
        callId,
        agentId: e.agentId,
        waitedMs: now - e.arrivedAt,
      };
      return { cancelled };
    },

    agents: async (ids) =>
      ids.flatMap((id) => {
        const a = s.agents.get(id);
        return a ? [publicAgent(a)] : [];
      }),

    async setSignedIn(e) {
      const agentId = e.agentId.toLowerCase();
      const out = s.signedOut.get(e.queue) ?? new Set<string>();
      if (e.signedIn) out.delete(agentId);
      else out.add(agentId);
      s.signedOut.set(e.queue, out);
    },

    signedOut: async (queue) => [...(s.signedOut.get(queue) ?? [])].sort(),

    async averageHandleMs(queue, last = 20) {
      const handled = [...s.attempts.values()]
        .filter((a) => a.queue === queue && a.handledMs !== null)
        .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))
        .slice(0, last);
      if (handled.length === 0) return undefined;
      return handled.reduce((sum, a) => sum + (a.handledMs ?? 0), 0) / handled.length;
    },
  };
}
