// Polls the watched people's presence as the user (on-behalf-of) and reports only what changed.
import type { Presence } from '@microsoft/microsoft-graph-types';
import type { TabUser } from '../auth/types';
import { consentFailure } from '../auth/consent-failure';
import type { TabGraph, TabLogger } from '../ports';

/** A person's presence as the tab shows it. */
export interface TabPresence {
  readonly id: string;
  readonly availability: string;
  readonly activity: string;
}

/** Graph's presence reduced to the tab's shape. */
export function toTabPresence(p: Presence): TabPresence | undefined {
  if (!p.id) return undefined;
  return {
    id: p.id,
    availability: p.availability ?? 'PresenceUnknown',
    activity: p.activity ?? 'PresenceUnknown',
  };
}

export interface PollOptions {
  readonly graph: TabGraph;
  readonly user: TabUser;
  readonly ids: readonly string[];
  readonly everyMs: number;
  onChange(p: TabPresence): void;
  /** The user's token can no longer be exchanged: the stream ends with this body. */
  onAuthFailure(body: unknown): void;
  readonly logger: TabLogger;
}

/** Starts polling (first read at once); returns the function that stops it. */
export function pollPresence(o: PollOptions): () => void {
  const last = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const read = async (): Promise<void> => {
    const list = await o.graph.presence.getPresences(
      o.ids,
      { kind: 'user', userAssertion: o.user.assertion },
      { tenantId: o.user.tenantId },
    );
    for (const raw of list) {
      const p = toTabPresence(raw);
      if (!p || stopped) continue;
      const key = `${p.availability}/${p.activity}`;
      if (last.get(p.id) === key) continue;
      last.set(p.id, key);
      o.onChange(p);
    }
  };
  const again = (): void => {
    if (!stopped) timer = setTimeout(tick, o.everyMs);
  };
  const tick = (): void => {
    read().then(again, (err: unknown) => {
      const refused = consentFailure(err);
      if (refused) {
        stopped = true;
        o.onAuthFailure(refused.body);
        return;
      }
      o.logger.warn({ err, userId: o.user.id }, 'presence poll failed; trying again next round');
      again();
    });
  };
  tick();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
