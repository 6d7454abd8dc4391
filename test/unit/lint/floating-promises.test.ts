// The lint configuration itself: a voided promise that can reject must be reported in app and emulator
// code, because Node ends the process on an unhandled rejection whether or not it was voided.
import assert from 'node:assert/strict';
import { lintSnippet } from '../../helpers/lint-snippet';

const RULE = '@typescript-eslint/no-floating-promises';
const FILES = ['calling/x.ts', 'server/x.ts', 'bot/x.ts', 'emulator/x.ts', 'teams-tab/web/src/x.ts'];

const SOURCE = (statement: string) => `
const log = (err: unknown): void => {
  process.stderr.write(String(err));
};
async function work(): Promise<void> {
  throw new Error('boom');
}
export function start(): void {
  ${statement}
}
`;

async function floating(filePath: string, statement: string): Promise<string[]> {
  const messages = await lintSnippet(filePath, SOURCE(statement));
  return messages.filter((m) => m.ruleId === RULE).map((m) => `${m.line}: ${m.message}`);
}

describe('lint: no promise is left without a handler', function () {
  // Type-aware linting builds a TypeScript program the first time.
  this.timeout(120_000);

  for (const file of FILES.filter((f) => f !== 'bot/x.ts')) {
    it(`${file}: \`void work()\` is reported`, async () => {
      const found = await floating(file, 'void work();');
      assert.equal(found.length, 1, `expected one report, got ${JSON.stringify(found)}`);
    });
  }

  it('a bare `work()` is reported too', async () => {
    assert.equal((await floating('bot/x.ts', 'work();')).length, 1);
  });

  it('`work().catch(log)` is not reported', async () => {
    assert.deepEqual(await floating('calling/x.ts', 'work().catch(log);'), []);
  });

  it('`work().then(ok, log)` is not reported', async () => {
    assert.deepEqual(await floating('calling/x.ts', 'work().then(() => undefined, log);'), []);
  });
});
