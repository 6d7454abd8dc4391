// `npm run playground`: Microsoft 365 Agents Playground against this app's /api/messages, at the PORT
// and HOST the app reads (the environment, then .env, then env/.env.<SWITCHBOARD_ENV>).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { loadEnvironment, loopbackUrl, readPortVariable } from '../server';

const ROOT = path.resolve(__dirname, '..');

/** The Playground's command line and environment for the app configured in `cwd`. */
export function playgroundCommand(
  cwd: string,
  processEnv: Readonly<Record<string, string | undefined>>,
): { args: string[]; env: Record<string, string | undefined> } {
  const { env } = loadEnvironment(cwd, processEnv);
  const endpoint = `${loopbackUrl(env.HOST || '127.0.0.1', readPortVariable(env, 'PORT', 3978))}/api/messages`;
  return {
    args: [
      require.resolve('@microsoft/m365agentsplayground/cli.js'),
      '-e',
      endpoint,
      '-c',
      'msteams',
      '--dt',
    ],
    env: {
      ...processEnv,
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      // Open it yourself: the address is printed, and a machine without a desktop has no browser to open.
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(ROOT, 'data', 'agentsplayground.log'),
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(ROOT, 'bot', 'playground.yml'),
    },
  };
}

if (require.main === module) {
  let command: ReturnType<typeof playgroundCommand>;
  try {
    command = playgroundCommand(process.cwd(), process.env);
  } catch (err) {
    process.stderr.write(`playground: configuration error: ${(err as Error).message}\n`);
    process.exit(1);
  }
  process.stdout.write(`Agents Playground for the app at ${command.args[2]}\n`);
  const child = spawn(process.execPath, command.args, { env: command.env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
