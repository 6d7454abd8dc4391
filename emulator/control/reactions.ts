// Control API: the reaction times the emulator measured (see ../reactions), and the calls each app holds.
import type { HttpResponse, RequestContext } from '../http';
import { controlNotFound, ok } from './body';
import type { ControlDeps } from './deps';

function recorderOf(deps: ControlDeps) {
  if (!deps.reactions) throw controlNotFound('This emulator does not measure reactions.');
  return deps.reactions;
}

/** Connected calls (answered, not yet ended) per app id. */
function liveCalls(deps: ControlDeps): Record<string, number> {
  const out: Record<string, number> = {};
  for (const call of deps.svc.engine.calls.values())
    if (call.state !== 'incoming' && call.state !== 'terminated')
      out[call.appId] = (out[call.appId] ?? 0) + 1;
  return out;
}

/** GET /emulator/reactions[?appId=]: every sample, miss and duplicate kept since the last clear. */
export function getReactions(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const r = recorderOf(deps);
  const appId = ctx.query.get('appId')?.toLowerCase();
  const mine = <T extends { appId: string }>(xs: readonly T[]): T[] =>
    appId ? xs.filter((x) => x.appId.toLowerCase() === appId) : [...xs];
  return ok({
    samples: mine(r.samples),
    missed: mine(r.missed),
    duplicates: mine(r.duplicates),
    pending: mine(r.pending()),
    overflow: r.overflow,
    live: liveCalls(deps),
  });
}

/** GET /emulator/reactions/counts: how many of each, and the live calls per app (cheap to poll). */
export function countReactions(deps: ControlDeps): HttpResponse {
  const r = recorderOf(deps);
  return ok({
    samples: r.samples.length,
    missed: r.missed.length,
    duplicates: r.duplicates.length,
    pending: r.pending().length,
    overflow: r.overflow,
    live: liveCalls(deps),
  });
}

/** DELETE /emulator/reactions: starts measuring afresh (calls in progress are still followed). */
export function clearReactions(deps: ControlDeps): HttpResponse {
  recorderOf(deps).clear();
  return { status: 204 };
}
