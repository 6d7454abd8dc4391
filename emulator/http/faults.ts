// Injected Graph faults: the next N Graph requests answer 429 (with Retry-After) or 503 instead of
// being served, so that clients' retry logic can be tested.
import type { HttpResponse } from './types';

/** A fault plan as the control API accepts it. */
export interface GraphFaultPlan {
  status: number;
  count: number;
  retryAfterSeconds?: number;
}

/** Holds the pending Graph faults. */
export class GraphFaults {
  private plan: GraphFaultPlan | undefined;
  private left = 0;

  /** Replaces the pending faults; count 0 clears them. */
  set(plan: GraphFaultPlan): void {
    if (![429, 500, 502, 503, 504].includes(plan.status))
      throw new RangeError('status must be 429, 500, 502, 503 or 504');
    if (!Number.isInteger(plan.count) || plan.count < 0)
      throw new RangeError('count must be a whole number >= 0');
    this.plan = plan;
    this.left = plan.count;
  }

  clear(): void {
    this.plan = undefined;
    this.left = 0;
  }

  remaining(): number {
    return this.left;
  }

  /** Consumes one fault when any is pending and returns the response to send instead. */
  take(): (HttpResponse & { code: string; message: string }) | undefined {
    if (!this.plan || this.left <= 0) return undefined;
    this.left -= 1;
    const { status, retryAfterSeconds } = this.plan;
    const headers: Record<string, string> = {};
    if (retryAfterSeconds !== undefined || status === 429 || status === 503)
      headers['Retry-After'] = String(retryAfterSeconds ?? 1);
    if (status === 429) {
      return {
        status,
        headers,
        code: 'TooManyRequests',
        message: 'Too many requests. Retry after the interval in the Retry-After header.',
      };
    }
    return {
      status,
      headers,
      code: status === 503 ? 'ServiceUnavailable' : 'InternalServerError',
      message: 'The service is temporarily unavailable. Try again later.',
    };
  }
}
