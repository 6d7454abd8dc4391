// What the bot's ports remember about a call beyond the call model's own record: what kind of call the
// bot placed, for whom, whom it rang, when it first connected and who hung it up. Kept in the store, so
// another instance (or this one after a restart) draws the same card.
import type { LiveCall, Requester } from '../../bot';
import type { NotesStore, PortsLogger } from './types';

/** Someone the bot called into a call; `id` is the person's object id or the E.164 number. */
export interface InvitedParty {
  readonly id: string;
  readonly name: string;
  readonly kind: 'person' | 'phone';
  /** Invited into a call already under way (not one the call was placed to). */
  readonly later?: boolean;
  /** When they were called (epoch ms). */
  readonly at?: number;
  /** They have been in the call's roster (so once gone from it, they left). */
  readonly seen?: boolean;
}

export interface CallNote {
  readonly kind?: LiveCall['kind'];
  readonly subject?: string;
  readonly requestedBy?: Requester;
  readonly invited?: readonly InvitedParty[];
  /** When the call first reached established (epoch ms). */
  readonly connectedAt?: number;
  /** The name of the person who pressed Hang up. */
  readonly hungUpBy?: string;
}

export const NOTES_NAMESPACE = 'bot-calls';
const TTL_MS = 7 * 24 * 3600_000;
const CACHE_LIMIT = 1000;

/** Call notes over the store's key-value table, with a small cache for the calls this instance sees. */
export class CallNotes {
  private readonly cache = new Map<string, CallNote>();
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    private readonly kv: NotesStore,
    private readonly logger: PortsLogger,
  ) {}

  private remember(callId: string, note: CallNote): void {
    this.cache.delete(callId);
    this.cache.set(callId, note);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
  }

  /** The note of a call; empty when nothing is known. */
  async get(callId: string): Promise<CallNote> {
    const cached = this.cache.get(callId);
    if (cached) return cached;
    const stored = await this.kv.get<CallNote>(NOTES_NAMESPACE, callId);
    const note = stored?.value ?? {};
    // A note written meanwhile (an event racing the read) wins over the older stored one.
    const fresh = this.cache.get(callId);
    if (fresh) return fresh;
    this.remember(callId, note);
    return note;
  }

  // Changes to one call's note run one after another, so none is lost to a concurrent read-modify-write.
  private serial<T>(callId: string, work: () => Promise<T>): Promise<T> {
    const run = (this.chains.get(callId) ?? Promise.resolve()).then(work);
    // The next change waits for this one whatever its outcome; the outcome goes to the caller.
    const forget = (): void => {
      if (this.chains.get(callId) === tail) this.chains.delete(callId);
    };
    const tail: Promise<void> = run.then(forget, forget);
    this.chains.set(callId, tail);
    return run;
  }

  private change(callId: string, edit: (before: CallNote) => CallNote): Promise<CallNote> {
    return this.serial(callId, async () => {
      const note = edit(await this.get(callId));
      this.remember(callId, note);
      await this.kv.put(NOTES_NAMESPACE, callId, note, { ttlMs: TTL_MS });
      return note;
    });
  }

  /** Merges `patch` into the note (`invited` lists are joined) and stores it; returns the new note. */
  update(callId: string, patch: CallNote): Promise<CallNote> {
    return this.change(callId, (before) => {
      const added = patch.invited?.filter((p) => !before.invited?.some((b) => b.id === p.id)) ?? [];
      const invited = [...(before.invited ?? []), ...added];
      return { ...before, ...patch, ...(invited.length > 0 ? { invited } : {}) };
    });
  }

  /** Notes when the call first reached established; later calls keep the first time. */
  connected(callId: string, at: number): Promise<CallNote> {
    return this.change(callId, (before) =>
      before.connectedAt === undefined ? { ...before, connectedAt: at } : before,
    );
  }

  /** Marks the invited people the roster now names as having been in the call. */
  async sawInRoster(callId: string, ids: readonly string[]): Promise<void> {
    const before = await this.get(callId);
    if (!before.invited?.some((i) => !i.seen && ids.includes(i.id))) return;
    await this.change(callId, (cur) => ({
      ...cur,
      ...(cur.invited
        ? { invited: cur.invited.map((i) => (!i.seen && ids.includes(i.id) ? { ...i, seen: true } : i)) }
        : {}),
    }));
  }

  /** Removes one field (a hang-up that did not go through). */
  async forget(callId: string, field: keyof CallNote): Promise<void> {
    await this.change(callId, (before) => {
      const { [field]: _dropped, ...rest } = before;
      return rest;
    });
  }

  /** Like update, for work nobody waits on: a failure is logged. */
  note(callId: string, patch: CallNote): void {
    this.update(callId, patch).catch((err: unknown) =>
      this.logger.warn({ err, callId }, 'could not keep a note about the call'),
    );
  }
}
