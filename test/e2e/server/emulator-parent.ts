// A parent process for the emulator-link test: starts the emulator the way `npm start` does, prints
// {"emulator": pid, "port": n}, then ends as PARENT_END says: "crash" (an uncaught exception), "exit"
// (process.exit), or "wait" (until the test kills it).
import { startEmulatorProcess } from '../../../server/local/emulator-process';

async function main(): Promise<void> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  const emulator = await startEmulatorProcess({ ...env, EMULATOR_PORT: '0' });
  process.stdout.write(`${JSON.stringify({ emulator: emulator.pid, port: emulator.ready.port })}\n`);
  const end = process.env.PARENT_END;
  if (end === 'crash')
    setTimeout(() => {
      throw new Error('the parent crashed on purpose');
    }, 100);
  else if (end === 'exit') setTimeout(() => process.exit(3), 100);
  else setInterval(() => undefined, 60_000);
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator-parent failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
