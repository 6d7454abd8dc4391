// The doctor's vocabulary: checks that run in order against a shared context and report findings.
import type { Config } from '../../server';
import type { CommandDescription } from '../commands';
import type { HttpClient } from './http';

/** ok = fine; fail = must be fixed; warn = works but worth a look; skip = could not run (an earlier check failed). */
export type Status = 'ok' | 'fail' | 'warn' | 'skip';

/** What one check found. */
export interface Finding {
  readonly status: Status;
  /** One line: what was found. */
  readonly summary: string;
  /** Further lines (e.g. each missing permission). */
  readonly details?: readonly string[];
  /** What to do about it (for fail and warn). */
  readonly fix?: string;
}

/** What checks share: the configuration, the network and what earlier checks learned. */
export interface DoctorContext {
  /** Where the configuration is read from (.env, relative paths). */
  readonly cwd: string;
  /** The project root: package.json and manifest/appPackage/. */
  readonly root: string;
  /** The loaded environment (process, .env, env/.env.<SWITCHBOARD_ENV>). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly http: HttpClient;
  /** The bot's commands, for the manifest check (read when that check runs: it reports a failure). */
  readonly commands: () => readonly CommandDescription[];
  /** `--user`: the meeting organizer (object id or UPN) to test the access policy with. */
  readonly user?: string;
  /** Set by the configuration check when the configuration is valid. */
  config?: Config;
  /** Set by the token check. */
  token?: { readonly accessToken: string; readonly roles: readonly string[] };
}

/** One check. */
export interface DoctorCheck {
  readonly id: string;
  readonly title: string;
  run(ctx: DoctorContext): Promise<Finding>;
}
