// A deadline for one outbound request that ends with the request. AbortSignal.timeout keeps its timer,
// and once fetch listens on the signal the signal and the request too, until the time is up even when
// the answer came long before: at a few Graph requests per call and a 30 s timeout, kilobytes per live
// call held for nothing.

/** Runs `work` with a signal that aborts with a TimeoutError after `ms`; the timer goes when it ends. */
export async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // The same reason AbortSignal.timeout gives, so that callers tell a timeout the same way.
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ms,
  );
  // Like AbortSignal.timeout's, the deadline alone does not keep the process running.
  timer.unref();
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
