// A waiting caller's background work: joining the queue, the hold music (with the position announced
// before it when it is time), and leaving. Each returns what a flow task runs outside the call's lock.
import type { QueueStore } from '../../storage';
import type { CallingApi } from '../../core';
import { promptUrls, type PromptRef } from '../ivr';
import type { TextPrompts } from '../tts';
import { estimateWaitMs, positionAnnouncement } from './announce';
import type { QueueConfig } from './queue-schema';

/** The generated loop (calling/prompts/hold-music.ts), unless a queue names its own. */
export const HOLD_MUSIC_PROMPT = 'hold-music';
// How long a clear of the media queue may take before the music is played anyway.
const CLEAR_WAIT_MS = 10_000;

interface WarnLog {
  warn(obj: object, msg?: string): void;
}

export interface HoldDeps {
  readonly calling: CallingApi;
  readonly store: QueueStore;
  readonly tts?: TextPrompts;
}

/** Puts the caller in the queue (at the back; idempotent, so a resumed join changes nothing). */
export function joinTask(
  store: QueueStore,
  e: { queue: string; callId: string; caller?: string; now: number },
): () => Promise<void> {
  return async () => {
    await store.enqueue(e);
  };
}

/** What the caller hears now: their place in words, if they are still in the queue. */
export async function announcement(
  store: QueueStore,
  callId: string,
  q: QueueConfig,
): Promise<string | undefined> {
  const position = await store.position(callId);
  if (position === undefined) return undefined;
  const entry = await store.entry(callId);
  const average = entry ? await store.averageHandleMs(entry.queue) : undefined;
  return positionAnnouncement(position, estimateWaitMs(position, q.agents.length, average));
}

/**
 * One round of hold music, the announcement first when `announce`; with `clearFirst` the media queue is
 * emptied before (the music playing now, or what a dead instance had queued), so nothing overlaps.
 */
export function holdTask(
  deps: HoldDeps,
  callId: string,
  q: QueueConfig,
  opts: { announce: boolean; clearFirst: boolean; log: WarnLog },
): () => Promise<void> {
  return async () => {
    const refs: PromptRef[] = [];
    const words = opts.announce ? await announcement(deps.store, callId, q) : undefined;
    if (words) refs.push({ say: words });
    refs.push(q.holdMusic ?? HOLD_MUSIC_PROMPT);
    const urls = await promptUrls(refs, deps.tts);
    if (opts.clearFirst)
      await deps.calling
        .cancelMedia(callId, { timeoutMs: CLEAR_WAIT_MS })
        .catch((err: unknown) =>
          opts.log.warn({ err, callId }, 'could not clear media before the hold music'),
        );
    await deps.calling.playPrompt(callId, urls);
  };
}
