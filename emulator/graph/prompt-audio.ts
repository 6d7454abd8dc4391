// The audio of the prompts a call plays, kept in memory (never on disk) so that the softphone page can
// play a person what the caller hears. It lasts while the call does, and only the latest prompts are
// kept, so a long run of calls cannot fill the emulator's memory.
import { randomUUID } from 'node:crypto';
import type { CallRec } from './model';
import type { LoadedPrompt } from './prompt-media';

/** How much prompt audio is kept at most, over all calls: the oldest goes first. */
export const PROMPT_AUDIO_LIMITS = { count: 64, bytes: 64 * 1024 * 1024 };

/** A prompt as the call's timeline names it: what it says, its length, and where its audio is served. */
export interface HeardPrompt {
  text: string;
  durationMs: number;
  /** Path on the emulator (`/emulator/calls/{callId}/prompts/{id}`) while the audio is kept. */
  audio?: string;
}

/** Prompt audio by id, tied to its call. */
export class PromptAudioStore {
  private readonly items = new Map<string, { callId: string; wav: Buffer }>();
  private bytes = 0;

  constructor(private readonly limits = PROMPT_AUDIO_LIMITS) {}

  /** Keeps a prompt's bytes for the call; returns its id. */
  add(callId: string, wav: Buffer): string {
    const id = randomUUID();
    this.items.set(id, { callId, wav });
    this.bytes += wav.length;
    for (const [oldId, old] of this.items) {
      if (this.items.size <= this.limits.count && this.bytes <= this.limits.bytes) break;
      this.remove(oldId, old.wav);
    }
    return id;
  }

  /** The bytes of a prompt of this call, while they are kept. */
  get(callId: string, id: string): Buffer | undefined {
    const item = this.items.get(id);
    return item && item.callId === callId ? item.wav : undefined;
  }

  hasCall(callId: string): boolean {
    return [...this.items.values()].some((i) => i.callId === callId);
  }

  /** Forgets every prompt of the call (it ended). */
  dropCall(callId: string): void {
    for (const [id, item] of this.items) if (item.callId === callId) this.remove(id, item.wav);
  }

  clear(): void {
    this.items.clear();
    this.bytes = 0;
  }

  size(): number {
    return this.items.size;
  }

  private remove(id: string, wav: Buffer): void {
    this.items.delete(id);
    this.bytes -= wav.length;
  }
}

/** Keeps the audio of the prompts the call is about to play (dropped when it ends); how the timeline names them. */
export function heardPrompts(store: PromptAudioStore, call: CallRec, prompts: LoadedPrompt[]): HeardPrompt[] {
  if (prompts.some((p) => p.wav) && !store.hasCall(call.id)) {
    call.cleanups.add(() => store.dropCall(call.id));
  }
  return prompts.map((p) => ({
    text: p.text,
    durationMs: p.durationMs,
    ...(p.wav ? { audio: `/emulator/calls/${call.id}/prompts/${store.add(call.id, p.wav)}` } : {}),
  }));
}
