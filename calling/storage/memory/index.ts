// An in-memory CallingStorage: everything the interface documents, held by one process. For tests,
// examples and a bot run as a single process; nothing survives a restart, and no other process shares it.
import { randomUUID } from 'node:crypto';
import type { CallingStorage } from '../storage';
import { CallTables, memoryCallData, memoryFlowData } from './call-data';
import { createMemoryJobs } from './jobs';
import { createMemoryKeyValue } from './kv';
import { createMemoryLocks, type LeaseTable } from './locks';
import { createMemoryMeetings } from './meetings';
import { createMemoryQueues } from './queues';
import { createMemoryRecords } from './records';
import { rewriteMemoryCallJson } from './rewrite';

export interface MemoryStorageOptions {
  /** This process's instance id (default: a random one); flows record it as the owner of their work. */
  readonly instanceId?: string;
}

/** A memory storage with its tables, for tests that stage what another process would have left behind. */
export interface OpenedMemoryStorage {
  readonly storage: CallingStorage;
  readonly leases: LeaseTable;
  readonly tables: CallTables;
}

export function openMemoryStorage(opts: MemoryStorageOptions = {}): OpenedMemoryStorage {
  const id = opts.instanceId ?? `memory:${randomUUID()}`;
  const tables = new CallTables();
  const leases: LeaseTable = new Map();
  const locks = createMemoryLocks(leases, Date.now);
  const storage: CallingStorage = {
    kv: createMemoryKeyValue(Date.now),
    locks,
    jobs: createMemoryJobs(tables.jobs, tables.db.outside),
    // One process holds the storage: it is the only instance, and always alive.
    instances: { id, live: async () => new Set([id]) },
    callData: memoryCallData(tables),
    flowData: memoryFlowData(tables),
    callRecords: createMemoryRecords(),
    meetings: createMemoryMeetings(),
    queues: createMemoryQueues(locks),
    rewriteCallJson: (callId, how) => rewriteMemoryCallJson(tables, callId, how),
  };
  return { storage, leases, tables };
}

/** A CallingStorage kept in this process's memory (see calling/README.md, "Storage"). */
export function createMemoryStorage(opts: MemoryStorageOptions = {}): CallingStorage {
  return openMemoryStorage(opts).storage;
}
