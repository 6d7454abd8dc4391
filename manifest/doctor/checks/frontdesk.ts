// Check 8: the front desk. Its rules file, the IVR menus and the queues load and pass the same checks the
// app runs at start-up (people, menus and prompts they name); local mode uses the shipped files unless told
// otherwise. With no file in teams mode, incoming calls are only told the line is not set up, which is
// worth a warning; in teams mode the shipped example names the emulator's people, not the tenant's.
import path from 'node:path';
import { ConfigFileError, loadCallFlowFiles, NOT_SET_UP_MESSAGE, PromptCheckError } from '../../../calling';
import { localFlowFiles } from '../../../server';
import type { DoctorCheck, Finding } from '../types';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const frontDeskCheck: DoctorCheck = {
  id: 'frontdesk',
  title: 'Front desk (incoming calls) and IVR menus',
  modes: ['teams', 'local'],
  async run(ctx): Promise<Finding> {
    const c = ctx.config;
    if (!c) return { status: 'skip', summary: 'skipped: needs a valid configuration (see above)' };
    const local = ctx.mode === 'local';
    const files = local ? localFlowFiles(ctx.env, ctx.root) : c;
    const shipped = path.join(ctx.root, 'config', 'frontdesk.yaml');
    if (!files.FRONTDESK_CONFIG)
      return {
        status: 'warn',
        summary: `FRONTDESK_CONFIG is not set: every incoming call is answered with "${NOT_SET_UP_MESSAGE}" and hung up`,
        fix: 'Set FRONTDESK_CONFIG=./config/<your rules>.yaml in .env, starting from config/frontdesk.yaml (config/README.md describes the rules).',
      };
    const file = path.resolve(ctx.cwd, files.FRONTDESK_CONFIG);
    const ivrDir = path.resolve(ctx.cwd, files.IVR_DIR);
    let loaded;
    try {
      loaded = await loadCallFlowFiles({
        frontDeskFile: file,
        ivrDir,
        promptsDir: path.resolve(ctx.cwd, c.PROMPTS_DIR),
        ...(files.QUEUES_CONFIG ? { queuesFile: path.resolve(ctx.cwd, files.QUEUES_CONFIG) } : {}),
      });
    } catch (err) {
      if (err instanceof PromptCheckError)
        return { status: 'skip', summary: 'skipped: needs good prompt files (see the prompts check)' };
      if (!(err instanceof ConfigFileError)) throw err;
      const [first, ...rest] = err.message.split('\n');
      return {
        status: 'fail',
        summary: first ?? err.message,
        details: rest.map((l) => l.trim()),
        fix: 'The app would refuse to start: fix each key named above (config/README.md describes every key).',
      };
    }
    const rules = loaded.fileConfig.rules;
    const off = rules.filter((r) => r.enabled === false).map((r) => r.name);
    const counts =
      `${plural(rules.length, 'rule')}${off.length ? ` (${off.length} switched off: ${off.join(', ')})` : ''}; ` +
      `${plural(loaded.menus.size, 'IVR menu')} in ${ivrDir} (${[...loaded.menus.keys()].join(', ')})` +
      (files.QUEUES_CONFIG
        ? `; ${plural(Object.keys(loaded.queues).length, 'queue')} (${Object.keys(loaded.queues).join(', ')})`
        : '');
    if (file === shipped && !local)
      return {
        status: 'warn',
        summary: `FRONTDESK_CONFIG is the shipped example ${file}: its people and meetings are the emulator's seeded tenant, so redirects and transfers would fail in yours; ${counts}`,
        fix: "Copy it, put your tenant's user object ids and meeting links in people: and meetings:, and point FRONTDESK_CONFIG at the copy.",
      };
    return { status: 'ok', summary: `${local ? 'local mode: ' : ''}${file}: ${counts}` };
  },
};
