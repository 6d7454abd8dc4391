// Process entry for a deployment: configuration comes from the environment and `.env`.
import { loadEnvironment } from './env-file';
import { run } from './run';
import { startFailureLine } from './start-failure';

const { env, sources } = loadEnvironment(process.cwd(), process.env);
run(env, sources).catch((err: unknown) => {
  process.stderr.write(`${startFailureLine(err)}\n`);
  process.exit(1);
});
