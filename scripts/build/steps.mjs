// What `npm start` builds, step by step: the sources each step reads (content-hashed: modification
// times are rewritten by git checkout, so they cannot tell a changed file from a checked-out one), what
// it must leave behind, and the command that builds it.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

// The server build's folders are the ones tsconfig.build.json includes, read from it so the two never differ.
const SERVER_DIRS = JSON.parse(
  readFileSync(new URL('../../tsconfig.build.json', import.meta.url), 'utf8'),
).include;
const SHARED = ['package.json', 'package-lock.json'];

/** Every TypeScript source of the server build has its .js in dist/. */
function serverOutputsMissing(root, files) {
  const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  return ['dist/server/start.js', ...sources.map((f) => path.join('dist', f.replace(/\.ts$/, '.js')))].filter(
    (f) => !existsSync(path.join(root, f)),
  );
}

/** The build steps, in order. */
export const STEPS = [
  {
    name: 'server',
    label: 'tsc -p tsconfig.build.json',
    inputs: [...SERVER_DIRS, 'tsconfig.json', 'tsconfig.build.json', ...SHARED],
    missing: serverOutputsMissing,
    // tsc's incremental record trusts that what it emitted is still there: with outputs gone (or a full
    // build asked for), it is forgotten.
    prepare: (root, { full }) => {
      if (full) rmSync(path.join(root, 'dist', 'tsconfig.build.tsbuildinfo'), { force: true });
    },
    command: ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'],
  },
  {
    name: 'tab',
    label: 'vite build teams-tab/web',
    inputs: ['teams-tab/web', ...SHARED],
    missing: (root) =>
      ['teams-tab/web/dist/index.html', 'teams-tab/web/dist/config.html'].filter((f) => !existsSync(path.join(root, f))),
    prepare: () => undefined,
    command: ['node_modules/vite/bin/vite.js', 'build', 'teams-tab/web'],
  },
];
