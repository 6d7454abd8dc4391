// A randomised soak: several people call the app at once and press random keys or hang up at random
// moments, while Graph answers 429/503 (and now and then 500/502/504), notifications are lost, doubled
// and reordered and the emulator's clock jumps. The app must stay up, log no error, leave no rejection
// unhandled, and end with no caller on a call nothing drives and no operation open past its timeout.
//
// SOAK_SEED=<n> replays a run's choices (the seed is printed at the start and in every failure);
// SOAK_SECONDS=<n> makes it longer than the default 60 s of activity, for a local soak.
import assert from 'node:assert/strict';
import { DEFAULT_WATCHDOG_TIMING } from '../../../calling';
import { prng, seedFrom } from '../../helpers/prng';
import { startStack, type Stack } from '../../helpers/stack';
import { describeReason, watchUnhandled, type UnhandledWatch } from '../../helpers/unhandled';
import { caller, pulse, troublemaker, type SoakRun } from './soak/agents';
import * as check from './soak/checks';

const SEED = seedFrom(process.env['SOAK_SEED']);
const ACTIVE_MS = Number(process.env['SOAK_SECONDS'] ?? 60) * 1000;
const CALLERS = ['Lee Gu', 'Lidia Holloway', 'Megan Bowen', 'Henrietta Mueller', 'Grady Archie'];
// The main menu transfers to these (sales, support, extensions); they never call.
const TARGETS = ['Adele Vance', 'Alex Wilber', 'Diego Siciliani', 'Nestor Wilke'];
// Short enough that a lost completion or an idle call shows within the run.
const TIMING = { operationTimeoutMs: 20_000, transferTimeoutMs: 90_000 };
const WATCHDOG = { idleMs: 20_000, intervalMs: 2000, pollMs: 500 };

describe(`soak e2e: random callers, keys, hang-ups, faults and clock jumps (SOAK_SEED=${SEED})`, function () {
  this.timeout(ACTIVE_MS + 300_000);
  let stack: Stack;
  let unhandled: UnhandledWatch;
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => void uncaught.push(err);

  before(async () => {
    console.log(`    soak seed ${SEED} (replay with SOAK_SEED=${SEED}), ${ACTIVE_MS / 1000} s of activity`);
    stack = await startStack({
      emulator: { EMULATOR_PROMPT_SPEED: '2' },
      frontDesk: 'test/fixtures/flows/frontdesk-open.yaml',
      deps: { calling: TIMING, flows: { watchdog: WATCHDOG } },
    });
    unhandled = watchUnhandled();
    process.on('uncaughtExceptionMonitor', onUncaught);
  });
  after(async () => {
    process.off('uncaughtExceptionMonitor', onUncaught);
    unhandled?.stop();
    await stack?.stop();
  });

  it('stays up, logs no error and leaves no caller in dead air', async () => {
    let stop = false;
    const run: SoakRun = { emu: stack.emu, stopped: () => stop, log: [] };
    const id = (name: string) => stack.emu.people.find((p) => p.displayName === name)!.id;
    const fail = (what: string, items: readonly string[]) =>
      assert.deepEqual(
        items,
        [],
        `[soak seed ${SEED}; replay with SOAK_SEED=${SEED}] ${what}:\n  ${items.join('\n  ')}\n` +
          `last actions:\n  ${run.log.slice(-30).join('\n  ')}`,
      );

    const callers = CALLERS.map((name, i) => caller(run, id(name), name, prng(SEED + i + 1)));
    const trouble = troublemaker(run, TARGETS.map(id), prng(SEED));
    const health = pulse(run, stack.app.url);
    await new Promise((r) => setTimeout(r, ACTIVE_MS));
    stop = true;
    const calls = (await Promise.all(callers)).flat();
    await trouble;
    fail('the app did not answer /healthz', await health);

    // Quiet now: no more faults; give every flow time to notice what it was waiting for.
    await stack.emu.control('POST', '/emulator/faults', {
      graph: { status: 429, count: 0 },
      notifications: { drop: 0, duplicate: 0, reorder: 0 },
    });
    await new Promise((r) => setTimeout(r, 10_000));
    fail(
      'callers left on a call nothing drives',
      await check.undrivenCalls(stack.emu, stack.calling, stack.app.app.store),
    );

    // Everyone hangs up; then nothing may stay open past its timeout.
    for (const c of await check.liveEmulatorCalls(stack.emu))
      await stack.emu.control('POST', `/emulator/calls/${c.id}/hangup`, {});
    await new Promise((r) => setTimeout(r, 5000));
    await stack.app.app.callFlows?.runtime.idle();
    fail('operations open past their timeout', await check.overdueOperations(stack.app.app.store, TIMING));

    const rescued = await check.rescues(stack.calling, calls);
    console.log(
      `    ${calls.length} calls, ${run.log.length} actions; watchdog rescues: ${rescued.length} ` +
        `(idle ${WATCHDOG.idleMs / 1000} s, default ${DEFAULT_WATCHDOG_TIMING.idleMs / 1000} s)`,
    );
    for (const w of check.warnings(stack.app.logs).slice(0, 20)) console.log(`      warn ${w}`);
    fail('calls the watchdog had to rescue (a flow left them idle)', rescued);
    fail('error lines in the app log', check.errorLines(stack.app.logs));
    fail('rejections nobody handled', unhandled.rejections.map(describeReason));
    fail('uncaught exceptions', uncaught.map(describeReason));
  });
});
