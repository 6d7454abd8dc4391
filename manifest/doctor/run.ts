// Runs the checks one after another, printing a line per check as it finishes (✓ ✗ ! –), each failure
// followed by its fix, and a closing tally. The caller turns `ok` into the exit status.
import { DOCTOR_CHECKS } from './checks';
import type { DoctorCheck, DoctorContext, Finding, Status } from './types';

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

const MARK: Record<Status, string> = { ok: '✓', fail: '✗', warn: '!', skip: '–' };
const COLOUR: Record<Status, string> = { ok: '32', fail: '31', warn: '33', skip: '90' };

function indent(text: string, by: string): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

/** Runs `checks` (default: all) against `ctx`; `ok` is false when any check failed or was skipped. */
export async function runDoctor(
  ctx: DoctorContext,
  out: DoctorOutput,
  checks: readonly DoctorCheck[] = DOCTOR_CHECKS,
): Promise<{ ok: boolean; results: DoctorResult[] }> {
  const tty = out.isTTY === true;
  const paint = (s: Status, text: string) => (tty ? `\x1b[${COLOUR[s]}m${text}\x1b[0m` : text);
  const results: DoctorResult[] = [];
  out.write(`Switchboard doctor: ${checks.length} checks\n`);
  for (const [i, check] of checks.entries()) {
    if (tty) out.write(`  … ${check.title}`);
    let finding: Finding;
    try {
      finding = await check.run(ctx);
    } catch (err) {
      finding = {
        status: 'fail',
        summary: `the check itself failed: ${(err as Error).stack ?? String(err)}`,
      };
    }
    if (tty) out.write('\r\x1b[K');
    results.push({ id: check.id, title: check.title, finding });
    const n = `[${i + 1}/${checks.length}]`;
    out.write(`${paint(finding.status, MARK[finding.status])} ${n} ${check.title}: ${finding.summary}\n`);
    for (const d of finding.details ?? []) out.write(`      ${d}\n`);
    if (finding.fix && finding.status !== 'ok') out.write(`${indent(`fix: ${finding.fix}`, '      ')}\n`);
  }
  const count = (s: Status) => results.filter((r) => r.finding.status === s).length;
  const failed = count('fail');
  const skipped = count('skip');
  const warned = count('warn');
  const ok = failed === 0 && skipped === 0;
  out.write(
    ok
      ? `\nAll clear${warned ? ` (${warned} warning${warned > 1 ? 's' : ''})` : ''}: ${count('ok')} of ${checks.length} checks passed.\n`
      : `\n${failed} check(s) failed, ${skipped} skipped, ${warned} warning(s). Fix the ✗ lines above and run \`npm run doctor\` again.\n`,
  );
  return { ok, results };
}
