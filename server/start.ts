// `npm start`: with no credentials configured, runs local mode (the emulator beside the app, see
// local/start-local.ts) and prints what runs where. With MicrosoftAppId configured (and
// SWITCHBOARD_MODE not "local") it runs the app alone against Microsoft. The app's modules are loaded
// on demand: local mode spawns the emulator first and loads them while it starts.
import { loadEnvironment } from './env-file';
import { isLocalMode } from './local/local-env';
import { startLocal } from './local/start-local';
import { startFailureLine } from './start-failure';

const { env, sources } = loadEnvironment(process.cwd(), process.env);
(isLocalMode(env) ? startLocal(env, sources) : import('./run.js').then(({ run }) => run(env, sources))).catch(
  (err: unknown) => {
    process.stderr.write(`${startFailureLine(err)}\n`);
    process.exit(1);
  },
);
