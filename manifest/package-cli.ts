// `npm run package [-- --out <file>]`: builds build/appPackage.zip from the template and the
// configuration; any problem stops it with one line per field and exit status 1.
import path from 'node:path';
import { loadEnvironment } from '../server';
import { botCommandDescriptions } from './bot-commands';
import { writeAppPackage } from './build';
import { ManifestError } from './problems';

async function main(): Promise<number> {
  const cwd = process.cwd();
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  if (args.length && (at !== 0 || args.length !== 2)) {
    process.stderr.write('usage: npm run package [-- --out <file.zip>]\n');
    return 2;
  }
  const outFile = at === 0 ? path.resolve(cwd, args[1] ?? '') : undefined;
  const { env } = loadEnvironment(cwd, process.env);
  try {
    const { path: out, manifest } = await writeAppPackage({
      cwd,
      env,
      commands: botCommandDescriptions(),
      outFile,
    });
    const commands =
      manifest.bots?.[0]?.commandLists?.map((l) => `${l.scopes.join('/')}: ${l.commands.length}`) ?? [];
    process.stdout.write(
      `✓ ${path.relative(cwd, out)}: manifest ${manifest.manifestVersion}, version ${manifest.version}, app ${manifest.id}, ` +
        `commands (${commands.join(', ')})\n` +
        '  Upload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app.\n',
    );
    return 0;
  } catch (err) {
    if (!(err instanceof ManifestError)) throw err;
    process.stderr.write(`✗ ${path.relative(cwd, outFile ?? 'build/appPackage.zip')} was not written:\n`);
    for (const p of err.problems) process.stderr.write(`  ${p.field}: ${p.message}\n`);
    return 1;
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
