// Where local mode finds the project's files, whether it runs from the build (dist/server/local/) or
// from source under tsx (server/local/), so that tests and `npm start` run the same code.
import path from 'node:path';

const fromSource = path.extname(__filename) === '.ts';

/** The repository root (where package.json, config/ and emulator/seed/ are). */
export const PROJECT_ROOT = path.resolve(__dirname, ...(fromSource ? ['..', '..'] : ['..', '..', '..']));

/** The emulator's entry point of the same kind: dist/emulator/main.js, or emulator/main.ts from source. */
export const EMULATOR_ENTRY = fromSource
  ? path.join(PROJECT_ROOT, 'emulator', 'main.ts')
  : path.join(PROJECT_ROOT, 'dist', 'emulator', 'main.js');

/**
 * Node options the emulator needs to run like this process: from source that is tsx's loader, which
 * this process was started with; a debugger or watch flag stays with this process only.
 */
export function emulatorNodeArgs(): string[] {
  return fromSource ? process.execArgv.filter((a) => !/^--(inspect|watch|debug)/.test(a)) : [];
}
