// `npm run doctor [-- --user <object id or UPN>]`
import { botCommandDescriptions } from '../bot-commands';
import { doctorMain } from './main';

doctorMain({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  processEnv: process.env,
  out: process.stdout,
  commands: botCommandDescriptions,
}).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
