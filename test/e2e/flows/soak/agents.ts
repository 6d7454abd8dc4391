// The soak's actors: callers who ring the app and press random keys or hang up at random moments, and
// a troublemaker who throws Graph faults, lost, doubled and reordered notifications and clock jumps at
// it. Each draws from its own generator seeded from the soak's seed, so its choices replay.
import type { RunningEmulator } from '../../../helpers/emulator';
import type { Prng } from '../../../helpers/prng';

export interface SoakRun {
  readonly emu: RunningEmulator;
  /** True once the soak stops starting new activity. */
  stopped(): boolean;
  /** What happened, one line each (the tail goes into failure messages). */
  readonly log: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sleeps up to `ms`, waking early once the run stops. */
async function pause(run: SoakRun, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!run.stopped() && Date.now() < end) await sleep(Math.min(250, end - Date.now()));
}

async function control(run: SoakRun, method: string, path: string, body?: unknown) {
  const res = await run.emu.control<Record<string, unknown>>(method, path, body);
  return { ok: res.status < 300, status: res.status, body: res.body };
}

async function ended(run: SoakRun, callId: string): Promise<boolean> {
  const res = await control(run, 'GET', `/emulator/calls/${callId}`);
  return !res.ok || res.body['state'] === 'terminated' || Boolean(res.body['endedAt']);
}

// Keys of the shipped main menu, plus one it does not know.
const KEYS = ['0', '1', '2', '3', '4', '5', '*', '9'] as const;
const EXTENSIONS = ['1001#', '1002#', '1003#', '1009#', '12'] as const;

/** One caller: calls the app again and again until the run stops; answers the ids of the calls placed. */
export async function caller(run: SoakRun, personId: string, name: string, rng: Prng): Promise<string[]> {
  const calls: string[] = [];
  await control(run, 'PUT', `/emulator/people/${personId}/script`, { onRing: 'answer' });
  while (!run.stopped()) {
    const placed = await control(run, 'POST', `/emulator/people/${personId}/call`, { to: 'app' });
    if (!placed.ok) {
      run.log.push(`${name} could not call: ${placed.status} ${JSON.stringify(placed.body)}`);
      await pause(run, rng.int(500, 2000));
      continue;
    }
    const callId = String(placed.body['callId']).toLowerCase();
    calls.push(callId);
    run.log.push(`${name} calls (${callId})`);
    while (!run.stopped() && !(await ended(run, callId))) {
      await pause(run, rng.int(200, 3000));
      if (run.stopped()) break;
      const what = rng.weighted([
        ['key', 50],
        ['extension', 6],
        ['hangup', 10],
        ['wait', 34],
      ] as const);
      if (what === 'wait') continue;
      if (what === 'hangup') {
        run.log.push(`${name} hangs up ${callId}`);
        await control(run, 'POST', `/emulator/calls/${callId}/hangup`, {});
        break;
      }
      const tones = what === 'key' ? rng.pick(KEYS) : rng.pick(EXTENSIONS);
      run.log.push(`${name} presses ${tones} on ${callId}`);
      await control(run, 'POST', `/emulator/calls/${callId}/keys`, { tones });
    }
    await pause(run, rng.int(300, 2500));
  }
  return calls;
}

/** The people calls are transferred to: each answers, declines, is busy or lets it ring, at random. */
const TARGET_SCRIPTS: ReadonlyArray<readonly [Record<string, unknown>, number]> = [
  [{ onRing: 'answer', answerAfterMs: 1000 }, 4],
  [{ onRing: 'answer', answerAfterMs: 6000 }, 1],
  [{ onRing: 'decline', answerAfterMs: 1500 }, 2],
  [{ onRing: 'busy' }, 1],
  [{ onRing: 'ignore' }, 2],
];

/** The troublemaker: until the run stops, every 0.5 to 3 s one fault, one clock jump or a new mood. */
export async function troublemaker(run: SoakRun, targets: readonly string[], rng: Prng): Promise<void> {
  while (!run.stopped()) {
    await pause(run, rng.int(500, 3000));
    if (run.stopped()) break;
    const what = rng.weighted([
      ['429', 22],
      ['503', 14],
      ['5xx', 8],
      ['drop', 12],
      ['duplicate', 12],
      ['reorder', 8],
      ['clock', 14],
      ['moods', 10],
    ] as const);
    let body: Record<string, unknown>;
    let path = '/emulator/faults';
    if (what === '429')
      body = { graph: { status: 429, count: rng.int(1, 3), retryAfterSeconds: rng.int(1, 4) } };
    else if (what === '503') body = { graph: { status: 503, count: rng.int(1, 2), retryAfterSeconds: 1 } };
    else if (what === '5xx') body = { graph: { status: rng.pick([500, 502, 504]), count: 1 } };
    else if (what === 'drop' || what === 'duplicate' || what === 'reorder')
      body = { notifications: { [what]: what === 'duplicate' ? rng.int(1, 2) : 1 } };
    else if (what === 'clock') {
      path = '/emulator/clock/advance';
      body = { seconds: rng.int(5, 90) };
    } else {
      for (const id of targets) {
        const script = rng.weighted(TARGET_SCRIPTS);
        await control(run, 'PUT', `/emulator/people/${id}/script`, script);
      }
      run.log.push('new moods for the transfer targets');
      continue;
    }
    const res = await control(run, 'POST', path, body);
    run.log.push(`${what}: ${JSON.stringify(body)} → ${res.status}`);
  }
}

/** Asks the app's /healthz every 2 s until the run stops; answers the failures. */
export async function pulse(run: SoakRun, url: string): Promise<string[]> {
  const failures: string[] = [];
  while (!run.stopped()) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status !== 200) failures.push(`/healthz answered ${res.status}`);
    } catch (err) {
      failures.push(`/healthz: ${(err as Error).message}`);
    }
    await pause(run, 2000);
  }
  return failures;
}
