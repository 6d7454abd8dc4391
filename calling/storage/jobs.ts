// Scheduled work as the calling module needs it (keepAlive and reconcile, call records, attendance,
// reminders, the watchdog): due jobs are claimed exactly once, even by several processes.

export interface NewJob {
  kind: string;
  dueAt: number;
  payload: unknown;
  /** Unique: scheduling the same key again replaces the pending job. */
  key?: string;
}

export interface JobRow {
  id: string;
  kind: string;
  key: string | null;
  dueAt: number;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  claimedBy: string | null;
  claimedUntil: number | null;
  createdAt: number;
}

export interface ClaimedJob extends JobRow {
  claimedBy: string;
  claimedUntil: number;
}

export interface ClaimOptions {
  kinds?: string[];
  /** Default 10. */
  limit?: number;
  /** How long the claim holds before another owner may take the job (default 60 s). */
  leaseMs?: number;
  now?: number;
}

/** Scheduled work: due jobs are claimed exactly once, even by several processes. */
export interface Jobs {
  schedule(job: NewJob): Promise<string>;
  claimDue(owner: string, opts?: ClaimOptions): Promise<ClaimedJob[]>;
  /** Removes a job this owner holds. */
  complete(id: string, owner: string): Promise<boolean>;
  /** Releases a job this owner holds: attempts+1, due again at dueAt. */
  retry(id: string, owner: string, dueAt: number, error: string): Promise<boolean>;
  cancel(idOrKey: { id?: string; key?: string }): Promise<boolean>;
  list(opts?: { kind?: string; limit?: number }): Promise<JobRow[]>;
}
