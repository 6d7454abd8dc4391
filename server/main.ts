// Process entry for a deployment: configuration comes from the environment and `.env`.
import { loadEnvironment } from './env-file';
import { run } from './run';

const { env, sources } = loadEnvironment(process.cwd(), process.env);
run(env, sources).catch((err: unknown) => {
  process.stderr.write(`switchboard: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
