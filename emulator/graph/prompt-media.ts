// Fetching the prompts of a media operation and turning failures into the operation's resultInfo.
import { promptTextOf } from '../media';
import type { CallEngine } from './engine';
import type { PromptMediaCache } from './prompt-cache';
import type { CallRec, OperationRec, ResultInfo } from './model';
import { finishOperation } from './operations';
import { OPERATION } from './result-codes';

/** The media functions the engine uses (emulator/media), injectable for tests. */
export interface MediaPort {
  fetchPrompt(
    uri: string,
    opts: { timeoutMs?: number; maxBytes?: number; ca?: string },
  ): Promise<
    | { ok: true; info: { durationMs: number; tags?: Record<string, string> }; wav?: Buffer }
    | { ok: false; reason: string }
  >;
  synthesizeSpeechWav(
    segments: Array<{ startMs: number; durationMs: number }>,
    totalMs: number,
    seed?: number,
  ): Buffer;
  /** Extra CA (PEM) to trust when fetching prompts from https URLs. */
  ca?: string;
  /** Prompts kept by resourceId, as Graph keeps them (prompt-cache.ts); none: every prompt is fetched. */
  cache?: PromptMediaCache;
}

/** Whose prompts these are, and their resourceIds (null where none was given): the cache's keys. */
export interface PromptKeys {
  appId: string;
  resourceIds: ReadonlyArray<string | null>;
}

/** A prompt ready to play: what it says, how long it lasts, and its bytes when the fetch kept them. */
export interface LoadedPrompt {
  uri: string;
  text: string;
  durationMs: number;
  wav?: Buffer;
}

export type PromptsResult =
  { ok: true; totalMs: number; prompts: LoadedPrompt[] } | { ok: false; result: ResultInfo; reason: string };

/** The URIs of mediaPrompt objects. */
export function promptUris(prompts: unknown): string[] {
  if (!Array.isArray(prompts)) return [];
  return prompts.map((p) => {
    const info = (p as { mediaInfo?: { uri?: unknown } } | null)?.mediaInfo;
    return typeof info?.uri === 'string' ? info.uri : '';
  });
}

/** The resourceId of each mediaPrompt (Graph's cache key for its media), null where none was given. */
export function promptResourceIds(prompts: unknown): Array<string | null> {
  if (!Array.isArray(prompts)) return [];
  return prompts.map((p) => {
    const info = (p as { mediaInfo?: { resourceId?: unknown } } | null)?.mediaInfo;
    return typeof info?.resourceId === 'string' ? info.resourceId : null;
  });
}

/** A failed fetch's resultInfo: unreadable or unsupported audio vs. a download that failed. */
export function promptFailure(reason: string): ResultInfo {
  const format = /not a usable WAV|unsupported prompt format/i.test(reason);
  const base = format ? OPERATION.promptFormatInvalid : OPERATION.promptDownloadFailed;
  return { ...base, message: `${base.message} ${reason}` };
}

/**
 * Fetches every prompt (in parallel) that the media cache does not hold under its resourceId; the total
 * duration in ms, or the first failure. What was fetched with a resourceId is kept for the next time.
 */
export async function loadPrompts(
  media: MediaPort,
  uris: string[],
  keys?: PromptKeys,
): Promise<PromptsResult> {
  const cached = (i: number) => {
    const id = keys?.resourceIds[i];
    return keys && id ? media.cache?.get(keys.appId, id) : undefined;
  };
  const results = await Promise.all(
    uris.map((uri, i) => {
      const kept = cached(i);
      return kept ? { ok: true as const, kept } : media.fetchPrompt(uri, { timeoutMs: 10_000, ca: media.ca });
    }),
  );
  let totalMs = 0;
  const prompts: LoadedPrompt[] = [];
  for (const [i, r] of results.entries()) {
    if (!r.ok) return { ok: false, result: promptFailure(r.reason), reason: r.reason };
    const uri = uris[i] ?? '';
    const loaded =
      'kept' in r
        ? { uri, ...r.kept }
        : { uri, text: promptTextOf(r.info.tags, uri), durationMs: r.info.durationMs, wav: r.wav };
    const id = keys?.resourceIds[i];
    if (keys && id && !('kept' in r)) media.cache?.set(keys.appId, id, loaded);
    totalMs += loaded.durationMs;
    prompts.push(loaded);
  }
  return { ok: true, totalMs, prompts };
}

/**
 * The rejection handler of an operation's prompt work: a fetch that threw (rather than answering "not
 * ok") or a fault in the emulator is logged with the call and fails the operation as a download
 * failure, so the app hears of it instead of waiting for a completion that never comes.
 */
export function failPromptWork(
  engine: CallEngine,
  call: CallRec,
  op: OperationRec,
  after?: () => void,
): (err: unknown) => void {
  return (err) => {
    engine.deps.log(`call ${call.id}: ${op.type} ${op.id} failed inside the emulator`, err);
    const reason = err instanceof Error ? err.message : String(err);
    engine.note(call, 'media', { operationId: op.id, event: 'prompt-failed', reason });
    finishOperation(engine, call, op, 'failed', promptFailure(reason));
    after?.();
  };
}
