import type { Edge } from './http/types';

/** A readiness check: resolves when its part is ready, throws (with a reason) when not. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<void>;
}

/** GET /healthz: the process is alive and serving. */
export const healthz: Edge = async () => ({ status: 200, body: { status: 'alive' } });

/** GET /readyz: every check passes (store reachable, keys loaded); 503 lists what is not ready. */
export function readyz(checks: readonly ReadinessCheck[], timeoutMs = 2000): Edge {
  return async () => {
    const results = await Promise.all(
      checks.map(async (c) => {
        try {
          await withTimeout(c.check(), timeoutMs);
          return { name: c.name, ok: true as const };
        } catch (e) {
          return { name: c.name, ok: false as const, reason: e instanceof Error ? e.message : String(e) };
        }
      }),
    );
    const ready = results.every((r) => r.ok);
    return { status: ready ? 200 : 503, body: { status: ready ? 'ready' : 'not_ready', checks: results } };
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}
