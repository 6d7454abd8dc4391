// Graph keeps the media of a prompt that carries a mediaInfo.resourceId and plays the kept copy whenever
// the same resourceId comes again, without fetching the uri a second time (SPEC §2.4: "if supplied the
// uri is cached against this resourceId as a key"). The cache is per app, held in memory only, and
// bounded: the least recently played goes first.
import type { LoadedPrompt } from './prompt-media';

/** How much prompt media is kept at most, over all apps. */
export const PROMPT_CACHE_LIMITS = { count: 256, bytes: 64 * 1024 * 1024 };

type Kept = Omit<LoadedPrompt, 'uri'>;

/** Fetched prompts by (app, resourceId). */
export class PromptMediaCache {
  private readonly items = new Map<string, Kept>();
  private bytes = 0;

  constructor(private readonly limits = PROMPT_CACHE_LIMITS) {}

  /** The prompt kept under this app's resourceId, now the most recently used. */
  get(appId: string, resourceId: string): Kept | undefined {
    const key = keyOf(appId, resourceId);
    const kept = this.items.get(key);
    if (kept) {
      this.items.delete(key);
      this.items.set(key, kept);
    }
    return kept;
  }

  /** Keeps a fetched prompt under the app's resourceId. */
  set(appId: string, resourceId: string, prompt: Kept): void {
    const key = keyOf(appId, resourceId);
    const old = this.items.get(key);
    if (old) this.drop(key, old);
    this.items.set(key, prompt);
    this.bytes += sizeOf(prompt);
    for (const [oldKey, item] of this.items) {
      if (this.items.size <= this.limits.count && this.bytes <= this.limits.bytes) break;
      this.drop(oldKey, item);
    }
  }

  clear(): void {
    this.items.clear();
    this.bytes = 0;
  }

  size(): number {
    return this.items.size;
  }

  private drop(key: string, item: Kept): void {
    this.items.delete(key);
    this.bytes -= sizeOf(item);
  }
}

const keyOf = (appId: string, resourceId: string) => `${appId.toLowerCase()} ${resourceId.toLowerCase()}`;
const sizeOf = (p: Kept) => p.wav?.length ?? 0;
