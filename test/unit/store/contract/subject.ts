// What the storage contract runs against: a CallingStorage, and the few ways to stage what another
// holder (another process, for a database) would have done, so that every case runs on every storage.
import type { CallingStorage } from '../../../../calling';

/** The lease table as another holder sees it. */
export interface LeaseStaging {
  /** Writes a lease as a holder that stopped renewing would have left it. */
  plant(key: string, owner: string, expiresAt: number): Promise<void>;
  /** Hands a held lease to another owner, as a holder elsewhere that took it over would. */
  steal(key: string, owner: string): Promise<void>;
  owner(key: string): Promise<string | undefined>;
  /** The keys that have a lease row, sorted. */
  keys(): Promise<string[]>;
}

export interface StorageSubject {
  readonly storage: CallingStorage;
  readonly leases: LeaseStaging;
  /**
   * Another handle on the same data: a second process's store on the same database. A memory storage
   * lives in one process, so there it is the same storage (its races are between calls of one process).
   */
  readonly sibling: CallingStorage;
  /** The subject for the next case, with nothing stored. */
  reset(): Promise<StorageSubject>;
  close(): Promise<void>;
}

/** Opens a storage for the contract (once per suite); the suite resets it before each case. */
export type OpenSubject = () => Promise<StorageSubject>;

/** What each case reads: the subject of the case under way. */
export interface ContractContext {
  readonly subject: StorageSubject;
  readonly storage: CallingStorage;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An error carrying this `code` (any implementation's class). */
export const hasCode = (code: string) => (error: unknown) =>
  error instanceof Error && 'code' in error && error.code === code;
