// Runs the checks one after another, printing a line per check as it finishes (✓ ✗ ! –), each failure
// followed by its fix, and a closing tally. The caller turns `ok` into the exit status. In local mode
// the Teams-only checks are listed as not checked, each with the reason, so nothing is silently left out.
import { DOCTOR_CHECKS } from './checks';
import type { DoctorCheck, DoctorContext, DoctorMode, Finding, Status } from './types';

/** Where the doctor writes; `isTTY` enables the "checking…" line and colours. */
export interface DoctorOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** One check's result. */
export interface DoctorResult {
  readonly id: string;
  readonly title: string;
  readonly finding: Finding;
}

const MARK: Record<Status, string> = { ok: '✓', fail: '✗', warn: '!', skip: '–', off: '–' };
const COLOUR: Record<Status, string> = { ok: '32', fail: '31', warn: '33', skip: '90', off: '90' };

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

const runsIn = (check: DoctorCheck, mode: DoctorMode): boolean => (check.modes ?? ['teams']).includes(mode);

/** Runs `checks` (default: all) against `ctx`; `ok` is false when any check failed or was skipped. */
export async function runDoctor(
  ctx: DoctorContext,
  out: DoctorOutput,
  checks: readonly DoctorCheck[] = DOCTOR_CHECKS,
): Promise<{ ok: boolean; results: DoctorResult[] }> {
  const tty = out.isTTY === true;
  const paint = (s: Status, text: string) => (tty ? `\x1b[${COLOUR[s]}m${text}\x1b[0m` : text);
  const mode = ctx.mode ?? 'teams';
  const listed = checks.filter((c) => runsIn(c, mode) || (mode === 'local' && c.needsTeams));
  const results: DoctorResult[] = [];
  out.write(
    mode === 'local'
      ? `Switchboard doctor, local mode (no MicrosoftAppId: npm start runs the app against the emulator): ${listed.length} checks\n`
      : `Switchboard doctor: ${listed.length} checks\n`,
  );
  for (const [i, check] of listed.entries()) {
    let finding: Finding;
    if (!runsIn(check, mode)) {
      finding = { status: 'off', summary: `not checked in local mode: ${check.needsTeams}` };
    } else {
      if (tty) out.write(`  … ${check.title}`);
      try {
        finding = await check.run(ctx);
      } catch (err) {
        finding = {
          status: 'fail',
          summary: `the check itself failed: ${(err as Error).stack ?? String(err)}`,
        };
      }
      if (tty) out.write('\r\x1b[K');
    }
    results.push({ id: check.id, title: check.title, finding });
    const n = `[${i + 1}/${listed.length}]`;
    out.write(`${paint(finding.status, MARK[finding.status])} ${n} ${check.title}: ${finding.summary}\n`);
    for (const d of finding.details ?? []) out.write(`      ${d}\n`);
    if (finding.fix && finding.status !== 'ok') out.write(`${indent(`fix: ${finding.fix}`, '      ')}\n`);
  }
  const count = (s: Status) => results.filter((r) => r.finding.status === s).length;
  const failed = count('fail');
  const skipped = count('skip');
  const warned = count('warn');
  const off = count('off');
  const ran = results.length - off;
  const ok = failed === 0 && skipped === 0;
  const warnings = warned ? ` (${warned} warning${warned > 1 ? 's' : ''})` : '';
  out.write(
    ok
      ? `\nAll clear${warnings}: ${count('ok')} of ${ran} checks passed.\n`
      : `\n${failed} check(s) failed, ${skipped} skipped, ${warned} warning(s). Fix the ✗ lines above and run \`npm run doctor\` again.\n`,
  );
  if (off)
    out.write(
      `${off} Teams check(s) not run in local mode. To check a Teams setup, set MicrosoftAppId, ` +
        'MicrosoftAppPassword, MicrosoftAppTenantId and PUBLIC_URL (README.md, "Set up in Teams").\n',
    );
  return { ok, results };
}
