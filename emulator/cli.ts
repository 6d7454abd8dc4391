// The command line of `npx @switchboard/emulator`: a few flags for the settings a user sets most. The
// emulator reads its settings from EMULATOR_* variables (config.ts), so each flag becomes its variable
// (a flag wins over a variable set in the environment) and every other setting stays a variable.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const FLAGS = {
  port: 'EMULATOR_PORT',
  host: 'EMULATOR_HOST',
  'data-dir': 'EMULATOR_DATA_DIR',
  'public-url': 'EMULATOR_PUBLIC_URL',
  'app-webhook': 'EMULATOR_APP_WEBHOOK',
  seed: 'EMULATOR_SEED',
  'tab-url': 'EMULATOR_TAB_URL',
} as const;

export const USAGE = `Usage: switchboard-emulator [options]

A local Microsoft 365 (Entra ID, Graph calls, scripted people) on one port, HTTP and HTTPS.
It prints one JSON line once it accepts requests and stops on Ctrl-C or SIGTERM.

Options:
  --port <n>           port to listen on (default 3979; 0: any free port)   EMULATOR_PORT
  --host <address>     address to listen on (default 127.0.0.1)              EMULATOR_HOST
  --data-dir <dir>     its CA, certificate and keys (default ./data/emulator) EMULATOR_DATA_DIR
  --public-url <url>   base of the URLs it publishes (default https://localhost:<port>)
                                                                             EMULATOR_PUBLIC_URL
  --app-webhook <url>  where incoming calls are announced                    EMULATOR_APP_WEBHOOK
  --seed <file>        the tenant to start with (default: the shipped seed)  EMULATOR_SEED
  --tab-url <url>      the tab the Teams host page frames                    EMULATOR_TAB_URL
  -h, --help           this text
  -v, --version        the version

Every other setting is an EMULATOR_* variable; see the package's README.md.
`;

/** What the command line asks for. */
export type CommandLine =
  | { readonly kind: 'run'; readonly env: Readonly<Record<string, string>> }
  | { readonly kind: 'help' | 'version' }
  | { readonly kind: 'error'; readonly message: string };

/** Reads the arguments after the command's name. */
export function readCommandLine(args: readonly string[]): CommandLine {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' as const }])),
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (err) {
    // parseArgs explains an unknown flag or a missing value in its own words.
    return { kind: 'error', message: (err as Error).message };
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const env: Record<string, string> = {};
  for (const [flag, variable] of Object.entries(FLAGS)) {
    const value = values[flag];
    if (typeof value === 'string') env[variable] = value;
  }
  if (env.EMULATOR_PORT !== undefined && !/^\d{1,5}$/.test(env.EMULATOR_PORT))
    return {
      kind: 'error',
      message: `--port must be a port number (0 to 65535), got "${env.EMULATOR_PORT}"`,
    };
  return { kind: 'run', env };
}

/** This package's version, from its package.json (beside the sources, or above dist/). */
function version(): string {
  for (const dir of [__dirname, path.join(__dirname, '..')]) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      if (pkg.name === '@switchboard/emulator' && typeof pkg.version === 'string') return pkg.version;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return 'unknown (not run from the package)';
}

/** The part of `process` the command line uses, so tests can pass their own. */
export interface CommandLineProcess {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  exitCode?: number | string | undefined;
}

/**
 * Applies the command line: true when the emulator should start (its flags now in `proc.env`); false
 * when it was only asked for help or the version, or its arguments are wrong (exit code 2).
 */
export function takeCommandLine(proc: CommandLineProcess): boolean {
  const cli = readCommandLine(proc.argv.slice(2));
  switch (cli.kind) {
    case 'help':
      proc.stdout.write(USAGE);
      return false;
    case 'version':
      proc.stdout.write(`${version()}\n`);
      return false;
    case 'error':
      proc.stderr.write(`switchboard-emulator: ${cli.message}\n\n${USAGE}`);
      proc.exitCode = 2;
      return false;
    case 'run':
      Object.assign(proc.env, cli.env);
      return true;
  }
}
