// Loads every menu file (YAML or JSON) from the IVR folder, checks shapes and cross-references, and
// reports every problem by file, line and key before any call is taken.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { ConfigFileError, readConfigFile, type Directory } from '../runtime';
import { checkMenu } from './menu-check';
import { menuSchema, type Menu } from './menu-schema';

const EXT = /\.(ya?ml|json)$/i;

/** Menus by id (the file name without its extension). */
export type MenuSet = ReadonlyMap<string, Menu>;

export interface LoadMenusOptions {
  readonly directory: Directory;
  /** Prompt names in the prompt folder, to catch a misspelt prompt at startup. */
  readonly promptNames?: readonly string[];
  /** The call queues' names (QUEUES_CONFIG), to catch a misspelt queue at startup. */
  readonly queueNames?: readonly string[];
}

/** Reads every menu in `dir`; throws ConfigFileError naming the file, line and key of a problem. */
export async function loadMenus(dir: string, opts: LoadMenusOptions): Promise<MenuSet> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => EXT.test(f)).sort();
  } catch (err) {
    throw new ConfigFileError(dir, [
      {
        path: [],
        message: `the IVR folder cannot be read (${(err as NodeJS.ErrnoException).code ?? err}); set IVR_DIR`,
      },
    ]);
  }
  const ids = new Set(files.map((f) => f.replace(EXT, '')));
  const promptNames = opts.promptNames ? new Set(opts.promptNames) : undefined;
  const queueNames = opts.queueNames ? new Set(opts.queueNames) : undefined;
  const menus = new Map<string, Menu>();
  for (const f of files) {
    const menu = await readConfigFile(path.join(dir, f), menuSchema, (m) =>
      checkMenu(m, {
        menuIds: ids,
        directory: opts.directory,
        ...(promptNames ? { promptNames } : {}),
        ...(queueNames ? { queueNames } : {}),
      }),
    );
    menus.set(f.replace(EXT, ''), menu);
  }
  return menus;
}
