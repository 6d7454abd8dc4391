// The front desk's file and the IVR menus, read and cross-checked the way a call will use them: the
// front desk's directory first (menus name its people), then the menus, then the front desk's rules.
import { checkPrompts } from '../../prompts';
import { loadMenus, type MenuSet } from '../ivr';
import { readConfigFile } from '../runtime';
import { frontDeskConfigSchema, type FrontDeskConfig } from './config-schema';
import { directoryOf } from './decide';
import { loadFrontDeskConfig } from './load-config';

export interface CallFlowFiles {
  readonly fileConfig: FrontDeskConfig;
  readonly menus: MenuSet;
}

/**
 * Reads the front desk's file and the IVR folder; throws ConfigFileError naming the file, line and key
 * of a problem (PromptCheckError for a bad prompt when `promptsDir` is given).
 */
export async function loadCallFlowFiles(opts: {
  readonly frontDeskFile: string;
  readonly ivrDir: string;
  /** The prompt folder, to check the prompt names menus use. */
  readonly promptsDir?: string;
}): Promise<CallFlowFiles> {
  const draft = await readConfigFile(opts.frontDeskFile, frontDeskConfigSchema);
  const promptNames = opts.promptsDir ? await checkPrompts(opts.promptsDir) : undefined;
  const menus = await loadMenus(opts.ivrDir, {
    directory: directoryOf(draft),
    ...(promptNames ? { promptNames } : {}),
  });
  const fileConfig = await loadFrontDeskConfig(opts.frontDeskFile, { menuIds: new Set(menus.keys()), menus });
  return { fileConfig, menus };
}
