// Check 8: the front desk's rules and the IVR menus load and cross-check the way the app loads them at
// start-up (people, menus and prompts they name). Local mode uses the shipped files unless told otherwise.
import path from 'node:path';
import { ConfigFileError, PromptCheckError, loadCallFlowFiles } from '../../../calling';
import { localFlowFiles } from '../../../server';
import type { DoctorCheck, Finding } from '../types';

const count = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

export const frontDeskCheck: DoctorCheck = {
  id: 'front-desk',
  title: 'Front desk and IVR menus',
  modes: ['teams', 'local'],
  async run(ctx): Promise<Finding> {
    const c = ctx.config;
    if (!c) return { status: 'skip', summary: 'skipped: needs a valid configuration (see above)' };
    const files = ctx.mode === 'local' ? localFlowFiles(ctx.env, ctx.root) : c;
    if (!files.FRONTDESK_CONFIG)
      return {
        status: 'warn',
        summary: 'FRONTDESK_CONFIG is not set: the front desk is off, so it answers no incoming call',
        fix: 'To answer incoming calls, set FRONTDESK_CONFIG=./config/frontdesk.yaml (the shipped rules; config/README.md).',
      };
    const frontDeskFile = path.resolve(ctx.cwd, files.FRONTDESK_CONFIG);
    const ivrDir = path.resolve(ctx.cwd, files.IVR_DIR);
    try {
      const { fileConfig, menus } = await loadCallFlowFiles({
        frontDeskFile,
        ivrDir,
        promptsDir: path.resolve(ctx.cwd, c.PROMPTS_DIR),
      });
      return {
        status: 'ok',
        summary: `${frontDeskFile}: ${count(fileConfig.rules.length, 'rule')}; ${count(menus.size, 'menu')} in ${ivrDir} (${[...menus.keys()].join(', ')})`,
      };
    } catch (err) {
      if (err instanceof PromptCheckError)
        return { status: 'skip', summary: 'skipped: needs good prompt files (see the prompts check)' };
      if (!(err instanceof ConfigFileError)) throw err;
      const [first, ...rest] = err.message.split('\n');
      return {
        status: 'fail',
        summary: first ?? err.message,
        details: rest.map((l) => l.trim()),
        fix: 'Fix each key named above (config/README.md describes both files); the app refuses to start until then.',
      };
    }
  },
};
