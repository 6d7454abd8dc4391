// Flat ESLint config. The `switchboard/boundaries` rule enforces the layout in ARCHITECTURE.md:
// a folder is entered only through its index.ts, bot and calling never meet, the emulator shares
// no code with the app (it is the other side of the wire), the text-to-speech package (tts-espeak,
// GPL) stands alone, reached by server/ only, and store/ (the storage package) imports only calling.
import path from 'node:path';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
// Units that other code may import, each through its index.ts only.
const UNITS = [
  'server',
  'bot',
  'calling',
  'store',
  'teams-tab/api',
  'manifest',
  'emulator',
  'tts-espeak',
  'time',
];
const APP = new Set(['server', 'bot', 'calling', 'store', 'teams-tab/api', 'manifest', 'time']);
const FORBIDDEN = [
  ['bot', 'calling'],
  ['calling', 'bot'],
  ['calling', 'tts-espeak'],
];

function unitOf(absFile) {
  const rel = path.relative(root, absFile).split(path.sep).join('/');
  if (rel.startsWith('..')) return undefined;
  return UNITS.find((u) => rel === u || rel.startsWith(`${u}/`)) ?? rel.split('/')[0];
}

// What store/ (the package @switchboard/storage-sql) may import besides its own files and calling.
const STORE_PACKAGES = /^(node:.+|kysely|better-sqlite3|pg)$/;

// Only bot/botbuilder/ imports the channel SDK (see the no-restricted-imports blocks below).
const CHANNEL_SDK = {
  regex: '^(botbuilder(-[^/]+)?|botframework-[^/]+|@microsoft/agents-[^/]+)(/.*)?$',
  message: "Only bot/botbuilder/ imports the channel SDK; use the bot's own Turn, Proactive and BotStorage.",
};
// The calling package is MIT: the GPL engine reaches it only as a Synthesizer that server/ passes in.
const TTS_ENGINE = {
  regex: '^(espeak-ng|@switchboard/tts-espeak)(/.*)?$|(^|/)tts-espeak(/|$)',
  message:
    'calling/ is MIT and imports no text-to-speech engine: the GPL eSpeak NG engine is tts-espeak/, which server/ passes to calling as a Synthesizer.',
};

const boundaries = {
  meta: { type: 'problem', schema: [], messages: { msg: '{{why}}' } },
  create(context) {
    const file = context.filename;
    const from = unitOf(file);
    const isTestOrBench = from === 'test' || from === 'bench' || from === 'scripts';
    function check(node) {
      const spec = node.source && node.source.value;
      if (typeof spec !== 'string') return;
      const report = (why) => context.report({ node, messageId: 'msg', data: { why } });
      if (!spec.startsWith('.')) {
        if (from === 'store' && !STORE_PACKAGES.test(spec)) {
          report(
            `store/ is the package @switchboard/storage-sql, whose only dependencies are kysely, the drivers ` +
              `(better-sqlite3, pg) and calling: it may not import '${spec}'`,
          );
        }
        return;
      }
      const target = path.resolve(path.dirname(file), spec);
      const to = unitOf(target);
      if (!to || to === from) return;
      if (FORBIDDEN.some(([a, b]) => a === from && b === to)) {
        return report(`${from} must not import ${to}; server/ passes what it needs through interfaces`);
      }
      // calling/ is the package @switchboard/calling: it imports nothing outside its folder, only its own
      // interfaces (storage: calling/storage), which the app implements.
      if (from === 'calling') {
        return report(
          `calling/ must not import ${to}/: it is a package of its own. Define the interface it needs in ` +
            'calling/ (storage: calling/storage) and let server/ pass the implementation',
        );
      }
      // store/ is the package @switchboard/storage-sql: its build turns '../calling' into the calling
      // package; any other folder of the app would not be there for a user.
      if (from === 'store' && to !== 'calling') {
        return report(
          `store/ is the package @switchboard/storage-sql: it imports nothing of the app but calling, not ${to}/`,
        );
      }
      if ((from === 'emulator' && APP.has(to)) || (APP.has(from) && to === 'emulator')) {
        return report('the emulator and the app share no code');
      }
      if (from === 'tts-espeak') {
        return report('tts-espeak is a package of its own: it imports nothing of the app');
      }
      if (isTestOrBench || !UNITS.includes(to)) return;
      const rel = path.relative(path.join(root, to), target).split(path.sep).join('/');
      if (rel !== '' && rel !== 'index' && rel !== 'index.ts') {
        report(`import ${to} through its index.ts, not '${spec}'`);
      }
    }
    return {
      ImportDeclaration: check,
      ImportExpression: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'emulator/dist/**',
      'tts-espeak/dist/**',
      'calling/dist/**',
      'store/dist/**',
      'data/**',
      'build/**',
      'coverage/**',
      'test-artifacts/**',
      'teams-tab/web/dist/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { switchboard: { rules: { boundaries } } },
    rules: {
      'switchboard/boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // restify 11 replaces ServerResponse.prototype.writeHead process-wide and returns nothing from it,
      // so a chained `res.writeHead(200).end()` anywhere in a process that loaded the app would throw.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression > MemberExpression.callee > CallExpression.object > MemberExpression.callee[property.name='writeHead']",
          message:
            "Call res.end() (or write) as its own statement: restify drops writeHead's return value process-wide.",
        },
      ],
    },
  },
  {
    // A promise nobody handles can end the process (Node treats an unhandled rejection as fatal), so every
    // promise in the app and the emulator is awaited, returned, or ends in a catch (or a then with a
    // rejection handler). `void` does not count: a voided promise that rejects is just as unhandled.
    files: [
      '{server,bot,calling,store,manifest,emulator,tts-espeak,time}/**/*.ts',
      'teams-tab/**/*.{ts,tsx}',
    ],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // The call model and the flow runtime hand nothing off with a bare `void`: each promise they start
    // carries its own catch, which logs with the call id and ends that call's flow.
    files: ['calling/core/**/*.ts', 'calling/flows/runtime/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }] },
  },
  {
    // botbuilder's repositories are archived and its support has ended: only bot/botbuilder/ speaks it, so
    // moving to its successor (the Microsoft 365 Agents SDK) replaces that folder alone. The tests that
    // drive that folder on botbuilder's TestAdapter, or hold the store to botbuilder's MemoryStorage, too.
    // An example under examples/ is a user's own bot on the packages, and uses botbuilder as its samples do.
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    ignores: [
      'bot/botbuilder/**',
      'test/unit/bot/harness.ts',
      'test/unit/store/cases/bot-storage.ts',
      'examples/**',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [CHANNEL_SDK] }] },
  },
  {
    // A later block's options replace an earlier one's, so calling/ lists the channel SDK again.
    files: ['calling/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [CHANNEL_SDK, TTS_ENGINE] }] },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
