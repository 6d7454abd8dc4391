// Check 6: the app package builds from the current configuration and validates (the same build as
// `npm run package`, kept in memory).
import { buildAppPackage } from '../../build';
import type { CommandDescription } from '../../commands';
import { ManifestError } from '../../problems';
import { MANIFEST_VERSION } from '../../schema';
import type { DoctorCheck } from '../types';

export const manifestCheck: DoctorCheck = {
  id: 'manifest',
  title: 'Teams app manifest',
  async run(ctx) {
    let commands: readonly CommandDescription[];
    try {
      commands = ctx.commands();
    } catch (err) {
      return {
        status: 'fail',
        summary: `the bot's commands cannot be read: ${(err as Error).message}`,
        fix: "commandLists are generated from the bot's command catalog; see the message above.",
      };
    }
    try {
      const { manifest } = await buildAppPackage({ cwd: ctx.root, env: ctx.env, commands });
      const entries = manifest.bots?.[0]?.commandLists?.reduce((n, l) => n + l.commands.length, 0) ?? 0;
      return {
        status: 'ok',
        summary: `manifest ${MANIFEST_VERSION} validates (version ${manifest.version}, ${entries} command entries, icons checked)`,
      };
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      return {
        status: 'fail',
        summary: `the app package does not build: ${err.problems.length} problem(s)`,
        details: err.problems.map((p) => `${p.field}: ${p.message}`),
        fix: 'Fix the fields above (manifest/appPackage/ or the variables named), then run `npm run package`.',
      };
    }
  },
};
