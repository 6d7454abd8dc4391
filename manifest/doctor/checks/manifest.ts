// Check 6: the app package builds from the current configuration and validates (the same build as
// `npm run package`, kept in memory). In local mode there is no app registration or public URL yet, so
// stand-ins take their place: the check then covers the template, the icons and the bot's commands.
import { buildAppPackage } from '../../build';
import type { CommandDescription } from '../../commands';
import { ManifestError } from '../../problems';
import { MANIFEST_VERSION } from '../../schema';
import type { DoctorCheck } from '../types';

/** Stand-ins for local mode, where the package cannot be uploaded anyway; recognisable as such. */
const STAND_INS = {
  MicrosoftAppId: '00000000-0000-4000-8000-000000000000',
  PUBLIC_URL: 'https://switchboard.example.com',
  TAB_API_AUDIENCE: '',
};

export const manifestCheck: DoctorCheck = {
  id: 'manifest',
  title: 'Teams app manifest',
  modes: ['teams', 'local'],
  async run(ctx) {
    const local = ctx.mode === 'local';
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
      const env = local ? { ...ctx.env, ...STAND_INS } : ctx.env;
      const { manifest } = await buildAppPackage({ cwd: ctx.root, env, commands });
      const entries = manifest.bots?.[0]?.commandLists?.reduce((n, l) => n + l.commands.length, 0) ?? 0;
      return {
        status: 'ok',
        summary:
          `manifest ${MANIFEST_VERSION} validates (version ${manifest.version}, ${entries} command entries, icons checked)` +
          (local
            ? ' with stand-ins for MicrosoftAppId and PUBLIC_URL; npm run package needs your own (README.md, "Set up in Teams")'
            : ''),
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
