// Check 8: the front desk. Its rules file and the IVR menus load and pass the same checks the app runs
// at start-up; with no file, incoming calls are only told the line is not set up, which is worth a
// warning; in teams mode the shipped example names the emulator's people, not the tenant's.
import path from 'node:path';
import { ConfigFileError, loadCallFlowFiles, NOT_SET_UP_MESSAGE, PromptCheckError } from '../../../calling';
import type { DoctorCheck, DoctorContext, Finding } from '../types';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** Local mode as `npm start` decides it: asked for, or no app registration to run against. */
function localMode(env: DoctorContext['env']): boolean {
  return env.SWITCHBOARD_MODE === 'local' || (!env.MicrosoftAppId && env.SWITCHBOARD_MODE !== 'teams');
}

export const frontDeskCheck: DoctorCheck = {
  id: 'frontdesk',
  title: 'Front desk (incoming calls)',
  async run(ctx): Promise<Finding> {
    const local = localMode(ctx.env);
    const shipped = path.join(ctx.root, 'config', 'frontdesk.yaml');
    const setting = ctx.config?.FRONTDESK_CONFIG ?? ctx.env.FRONTDESK_CONFIG;
    if (!setting && !local)
      return {
        status: 'warn',
        summary: `FRONTDESK_CONFIG is not set: every incoming call is answered with "${NOT_SET_UP_MESSAGE}" and hung up`,
        fix: 'Set FRONTDESK_CONFIG=./config/<your rules>.yaml in .env, starting from config/frontdesk.yaml (config/README.md describes the rules).',
      };
    const file = setting ? path.resolve(ctx.cwd, setting) : shipped;
    const ivrDir = path.resolve(ctx.cwd, ctx.config?.IVR_DIR ?? ctx.env.IVR_DIR ?? './config/ivr');
    const promptsDir = path.resolve(
      ctx.cwd,
      ctx.config?.PROMPTS_DIR ?? ctx.env.PROMPTS_DIR ?? './assets/prompts',
    );
    let loaded;
    try {
      loaded = await loadCallFlowFiles({ frontDeskFile: file, ivrDir, promptsDir });
    } catch (err) {
      if (!(err instanceof ConfigFileError) && !(err instanceof PromptCheckError)) throw err;
      return {
        status: 'fail',
        summary: err.message,
        fix: 'The app would refuse to start: fix the lines named above (config/README.md describes every key).',
      };
    }
    const rules = loaded.fileConfig.rules;
    const off = rules.filter((r) => r.enabled === false).map((r) => r.name);
    const counts =
      `${plural(rules.length, 'rule')}${off.length ? ` (${off.length} switched off: ${off.join(', ')})` : ''}; ` +
      `${plural(loaded.menus.size, 'IVR menu')} in ${ivrDir}`;
    if (!setting)
      return { status: 'ok', summary: `local mode: npm start uses the shipped ${file}; ${counts}` };
    if (file === shipped && !local)
      return {
        status: 'warn',
        summary: `FRONTDESK_CONFIG is the shipped example ${file}: its people and meetings are the emulator's seeded tenant, so redirects and transfers would fail in yours; ${counts}`,
        fix: "Copy it, put your tenant's user object ids and meeting links in people: and meetings:, and point FRONTDESK_CONFIG at the copy.",
      };
    return { status: 'ok', summary: `${file}: ${counts}` };
  },
};
