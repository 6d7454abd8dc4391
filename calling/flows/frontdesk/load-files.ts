// Reads the front desk's rules and the IVR menus together, as the app does at start-up: the front
// desk's directory first (menus name its people), then the menus, then the full check of the rules.
import { checkPrompts } from '../../prompts';
import { loadMenus, type MenuSet } from '../ivr';
import { loadQueues, type QueuesFile } from '../queue';
import { readConfigFile } from '../runtime';
import { frontDeskConfigSchema, type FrontDeskConfig } from './config-schema';
import { directoryOf } from './decide';
import { loadFrontDeskConfig } from './load-config';

export interface CallFlowFiles {
  /** The front desk's rules (YAML or JSON). */
  readonly frontDeskFile: string;
  /** The folder of IVR menus. */
  readonly ivrDir: string;
  /** The prompt folder, to check the prompt names menus use. */
  readonly promptsDir?: string;
  /** The call queues (YAML or JSON); their agents are the front desk's people. */
  readonly queuesFile?: string;
}

/** The checked rules and menus; throws ConfigFileError naming the file, line and key. */
export async function loadCallFlowFiles(
  files: CallFlowFiles,
): Promise<{ fileConfig: FrontDeskConfig; menus: MenuSet; queues: QueuesFile['queues'] }> {
  const draft = await readConfigFile(files.frontDeskFile, frontDeskConfigSchema);
  const queues = files.queuesFile ? (await loadQueues(files.queuesFile, directoryOf(draft))).queues : {};
  const promptNames = files.promptsDir ? await checkPrompts(files.promptsDir) : undefined;
  const menus = await loadMenus(files.ivrDir, {
    directory: directoryOf(draft),
    ...(promptNames ? { promptNames } : {}),
    ...(files.queuesFile ? { queueNames: Object.keys(queues) } : {}),
  });
  const fileConfig = await loadFrontDeskConfig(files.frontDeskFile, {
    menuIds: new Set(menus.keys()),
    menus,
    queueNames: new Set(Object.keys(queues)),
  });
  return { fileConfig, menus, queues };
}
