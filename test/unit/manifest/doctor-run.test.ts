import assert from 'node:assert/strict';
import path from 'node:path';
import { runDoctor, type DoctorCheck, type DoctorContext, type Finding } from '../../../manifest';

const ROOT = path.join(__dirname, '../../..');
const base: DoctorContext = {
  cwd: ROOT,
  root: ROOT,
  env: {},
  commands: () => [],
  http: async () => assert.fail('no network'),
};

const check = (id: string, finding: Finding | Error): DoctorCheck => ({
  id,
  title: `Check ${id}`,
  async run() {
    if (finding instanceof Error) throw finding;
    return finding;
  },
});

function sink(isTTY = false) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (s: string) => chunks.push(s), text: () => chunks.join('') };
}

describe('doctor run', () => {
  it('prints one line per check with its mark, details and fix, and fails overall on ✗', async () => {
    const out = sink();
    const { ok, results } = await runDoctor(base, out, [
      check('a', { status: 'ok', summary: 'fine', fix: 'never shown' }),
      check('b', { status: 'fail', summary: 'broken', details: ['one', 'two'], fix: 'do this\nthen that' }),
      check('c', { status: 'skip', summary: 'skipped: needs b' }),
    ]);
    assert.equal(ok, false);
    assert.deepEqual(
      results.map((r) => r.finding.status),
      ['ok', 'fail', 'skip'],
    );
    assert.equal(
      out.text(),
      [
        'Switchboard doctor: 3 checks',
        '✓ [1/3] Check a: fine',
        '✗ [2/3] Check b: broken',
        '      one',
        '      two',
        '      fix: do this',
        '      then that',
        '– [3/3] Check c: skipped: needs b',
        '',
        '1 check(s) failed, 1 skipped, 0 warning(s). Fix the ✗ lines above and run `npm run doctor` again.',
        '',
      ].join('\n'),
    );
  });

  it('is all clear when nothing failed; warnings do not fail it', async () => {
    const out = sink();
    const { ok } = await runDoctor(base, out, [
      check('a', { status: 'ok', summary: 'fine' }),
      check('w', { status: 'warn', summary: 'hmm', fix: 'maybe' }),
    ]);
    assert.equal(ok, true);
    assert.match(out.text(), /\nAll clear \(1 warning\): 1 of 2 checks passed\.\n$/);
    assert.match(out.text(), /! \[2\/2\] Check w: hmm\n      fix: maybe\n/);
  });

  it('shows a "checking" line on a terminal and reports a check that throws as failed', async () => {
    const out = sink(true);
    const { ok } = await runDoctor(base, out, [check('x', new Error('boom'))]);
    assert.equal(ok, false);
    assert.equal(out.chunks[1], '  … Check x');
    assert.equal(out.chunks[2], '\r\x1b[K');
    assert.match(
      out.chunks[3] ?? '',
      /\x1b\[31m✗\x1b\[0m \[1\/1\] Check x: the check itself failed: Error: boom/,
    );
  });
});
