// Lints a snippet of source as if it were a file of the repository, with the repository's own eslint
// configuration. typescript-eslint keeps one project service per process, created with the first
// ESLint instance's options, so every lint test shares this one instance and its list of snippet paths.
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';

const ROOT = path.resolve(__dirname, '../..');

/** Every path a lint test lints a snippet under (they are not files on disk). */
const SNIPPET_PATHS = [
  'bot/x.ts',
  'bot/live/x.ts',
  'bot/botbuilder/x.ts',
  'calling/x.ts',
  'calling/flows/tts/x.ts',
  'emulator/x.ts',
  'server/x.ts',
  'store/x.ts',
  'teams-tab/web/src/x.ts',
  'test/unit/bot/x.ts',
  'tts-espeak/x.ts',
];

let eslint: ESLint | undefined;

/** The messages eslint reports for `source` linted as `filePath`; a snippet that does not parse fails. */
export async function lintSnippet(filePath: string, source: string): Promise<Linter.LintMessage[]> {
  assert.ok(SNIPPET_PATHS.includes(filePath), `${filePath}: add it to SNIPPET_PATHS in lint-snippet.ts`);
  // The project service lets the snippets into a default program; everything else (files, rules,
  // options) is the repository's own configuration. Its default limit of 8 such files is raised to the
  // number of snippet paths, which the lint tests share.
  eslint ??= new ESLint({
    cwd: ROOT,
    overrideConfig: {
      files: SNIPPET_PATHS,
      languageOptions: {
        parserOptions: {
          projectService: {
            allowDefaultProject: SNIPPET_PATHS,
            maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: SNIPPET_PATHS.length,
          },
        },
      },
    },
  });
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, filePath) });
  assert.ok(result, 'ESLint returned no result');
  assert.deepEqual(
    result.messages.filter((m) => m.fatal),
    [],
    'the snippet must parse',
  );
  return result.messages;
}
