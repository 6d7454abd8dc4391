// The doctor's vocabulary: checks that run in order against a shared context and report findings.
import type { Config } from '../../server';
import type { CommandDescription } from '../commands';
import type { HttpClient } from './http';

/**
 * ok = fine; fail = must be fixed; warn = works but worth a look; skip = could not run (an earlier
 * check failed); off = does not apply in this mode (a Teams check in local mode).
 */
export type Status = 'ok' | 'fail' | 'warn' | 'skip' | 'off';

/** What is checked: a Teams setup, or what `npm start` runs locally against the emulator. */
export type DoctorMode = 'teams' | 'local';

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
  /** The mode `npm start` would run in with this configuration (default teams). */
  readonly mode?: DoctorMode;
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
  /** The modes it runs in (default: teams only). */
  readonly modes?: readonly DoctorMode[];
  /** For a Teams-only check: why local mode cannot run it; it is then listed there as not checked. */
  readonly needsTeams?: string;
  run(ctx: DoctorContext): Promise<Finding>;
}
