// Check 6: the app package builds from the current configuration and validates (the same build as
// `npm run package`, kept in memory).
import { buildAppPackage } from '../../build';
import { ManifestError } from '../../problems';
import { MANIFEST_VERSION } from '../../schema';
import type { DoctorCheck } from '../types';

export const manifestCheck: DoctorCheck = {
  id: 'manifest',
  title: 'Teams app manifest',
  async run(ctx) {
    try {
      const { manifest } = await buildAppPackage({ cwd: ctx.root, env: ctx.env, commands: ctx.commands });
      const commands = manifest.bots?.[0]?.commandLists?.reduce((n, l) => n + l.commands.length, 0) ?? 0;
      return {
        status: 'ok',
        summary: `manifest ${MANIFEST_VERSION} validates (version ${manifest.version}, ${commands} command entries, icons checked)`,
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
