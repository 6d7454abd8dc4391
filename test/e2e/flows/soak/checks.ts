// What the soak asserts once activity stopped: no caller left on a call nothing drives, no operation
// open past its timeout, no error logged, and what the watchdog had to rescue.
import type { CallingService, CallingTiming } from '../../../../calling';
import { createFlowData, type Store } from '../../../../store';
import type { RunningEmulator } from '../../../helpers/emulator';

interface EmuCall {
  readonly id: string;
  readonly appId?: string;
  readonly state: string;
  readonly endedAt?: string | null;
  readonly kind?: string;
}

/** The emulator's calls of this app that are still up. */
export async function liveEmulatorCalls(emu: RunningEmulator): Promise<EmuCall[]> {
  const res = await emu.control<{ value: EmuCall[] }>('GET', '/emulator/calls');
  return res.body.value.filter((c) => c.appId === emu.appId && c.state !== 'terminated' && !c.endedAt);
}

/** Calls the emulator has up that no flow of the app drives (no pending timer, no running task). */
export async function undrivenCalls(
  emu: RunningEmulator,
  calling: CallingService,
  store: Store,
): Promise<string[]> {
  const out: string[] = [];
  for (const c of await liveEmulatorCalls(emu)) {
    const mine = await calling.getCall(c.id.toLowerCase());
    // Ringing, and its `incoming` notification lost: the app cannot know of it; the caller hears it
    // ring until Graph gives up (408/1106), which is not dead air.
    if (!mine && c.state === 'incoming') continue;
    const flow = mine && (await createFlowData(store).flows.get(mine.flowKey ?? mine.id));
    const driven =
      flow &&
      flow.doneAt === null &&
      (Object.keys(flow.timers).length > 0 || Object.keys(flow.tasks).length > 0);
    if (driven) continue;
    const what = flow ? `${flow.kind} flow idle` : mine?.flow ? 'a flow that never started' : 'no flow';
    const lines = (await calling.timeline(c.id.toLowerCase())).map((e) => e.summary);
    out.push(
      `${c.id} (${c.kind ?? 'call'}, emulator ${c.state}, app ${mine?.state ?? 'unknown'}, ${what}):\n    ` +
        lines.slice(-120).join('\n    '),
    );
  }
  return out;
}

/** Operations still open although their timeout has passed (with a few seconds' grace). */
export async function overdueOperations(
  store: Store,
  timing: Pick<CallingTiming, 'operationTimeoutMs' | 'transferTimeoutMs'>,
): Promise<string[]> {
  const now = Date.now();
  const open = await store.db
    .selectFrom('call_operations')
    .select(['id', 'call_id', 'kind', 'status', 'created_at'])
    .where('status', 'in', ['pending', 'running'])
    .execute();
  // Record's own timeout: its longest recording, silence allowance and a minute; the menu's are short.
  const limit = (kind: string) =>
    kind === 'transfer'
      ? timing.transferTimeoutMs
      : kind === 'answer'
        ? 30_000
        : kind === 'record'
          ? 200_000
          : timing.operationTimeoutMs;
  return open
    .filter((o) => now - o.created_at > limit(o.kind) + 5000)
    .map(
      (o) =>
        `${o.kind} ${o.id} on ${o.call_id}: ${o.status} for ${Math.round((now - o.created_at) / 1000)} s`,
    );
}

/** The app's log lines at error level or above. */
export function errorLines(logs: ReadonlyArray<Record<string, unknown>>): string[] {
  return logs
    .filter((l) => typeof l['level'] === 'number' && l['level'] >= 50)
    .map((l) => {
      const err = l['err'] as { message?: string } | undefined;
      return `${String(l['msg'])}${l['callId'] ? ` [call ${String(l['callId'])}]` : ''}${err?.message ? `: ${err.message}` : ''}`;
    });
}

/** Calls the watchdog handed to the fallback, with the timeline that led there. */
export async function rescues(calling: CallingService, callIds: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const id of callIds) {
    const lines = (await calling.timeline(id)).map((e) => e.summary);
    if (lines.some((l) => l.startsWith('watchdog:')))
      out.push(`${id}:\n    ${lines.slice(-120).join('\n    ')}`);
  }
  return out;
}

/** Warn-level messages by how often they occurred, most frequent first (printed, not asserted). */
export function warnings(logs: ReadonlyArray<Record<string, unknown>>): string[] {
  const counts = new Map<string, number>();
  for (const l of logs) {
    if (l['level'] !== 40) continue;
    // Why a caller went to the fallback says most about the run; other warnings are counted by message.
    const why =
      typeof l['why'] === 'string' ? `: ${l['why'].replace(/\s*\[Graph .*$/, '').slice(0, 140)}` : '';
    const key = `${String(l['msg'])}${why}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([msg, n]) => `${n} × ${msg}`);
}
