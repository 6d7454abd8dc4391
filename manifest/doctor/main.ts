// `npm run doctor [-- --user <id or UPN>]`: loads the configuration the way the app does, picks the mode
// `npm start` would run in (local without MicrosoftAppId), runs the checks for it, and returns the exit
// status (0 all clear, 1 something to fix, 2 bad arguments).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isLocalMode, loadEnvironment } from '../../server';
import type { CommandDescription } from '../commands';
import { createHttpClient } from './http';
import { runDoctor, type DoctorOutput } from './run';

const USAGE = `usage: npm run doctor [-- --user <object id or UPN>]
  --user   a meeting organizer to test the application access policy with
           (default: the first user Graph lists)
`;

/** Runs the doctor for the project at `cwd`; returns the process exit status. */
export async function doctorMain(opts: {
  readonly argv: readonly string[];
  /** Where .env lives; also the project root unless `root` says otherwise. */
  readonly cwd: string;
  readonly root?: string;
  /** Host name → address overrides for the doctor's requests (see createHttpClient). */
  readonly hosts?: Readonly<Record<string, string>>;
  readonly processEnv: Readonly<Record<string, string | undefined>>;
  readonly out: DoctorOutput;
  readonly commands: () => readonly CommandDescription[];
}): Promise<number> {
  let user: string | undefined;
  for (let i = 0; i < opts.argv.length; i++) {
    const a = opts.argv[i];
    if (a === '--user' && opts.argv[i + 1]) user = opts.argv[++i];
    else if (a?.startsWith('--user=')) user = a.slice('--user='.length);
    else {
      opts.out.write(a === '--help' || a === '-h' ? USAGE : `unknown argument "${a}"\n${USAGE}`);
      return a === '--help' || a === '-h' ? 0 : 2;
    }
  }
  const { env, sources } = loadEnvironment(opts.cwd, opts.processEnv);
  const files = [...new Set(Object.values(sources).filter((s) => s !== 'environment'))];
  opts.out.write(`configuration from: ${['environment', ...files].join(', ')}\n`);
  // An unreadable CA file is reported by the configuration check; the client then trusts the public roots.
  let extraCa: string | undefined;
  if (env.EXTRA_CA_FILE) {
    try {
      extraCa = readFileSync(path.resolve(opts.cwd, env.EXTRA_CA_FILE), 'utf8');
    } catch {
      extraCa = undefined;
    }
  }
  const { ok } = await runDoctor(
    {
      cwd: opts.cwd,
      root: opts.root ?? opts.cwd,
      env,
      mode: isLocalMode(env) ? 'local' : 'teams',
      http: createHttpClient(extraCa, opts.hosts),
      commands: opts.commands,
      user,
    },
    opts.out,
  );
  return ok ? 0 : 1;
}
