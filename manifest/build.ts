// Builds the sideload package: template + environment → manifest.json (with commandLists from the bot's
// registry), checked against the schema and Teams' rules, plus both icons, zipped.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TeamsManifestV1D30 } from '@microsoft/app-manifest';
import { checkManifestRules } from './checks';
import { buildCommandLists, type CommandDescription } from './commands';
import { checkColorIcon, checkOutlineIcon } from './icons/check';
import { substitute } from './placeholders';
import { ManifestError, type Problem } from './problems';
import { validateAgainstSchema } from './schema';
import { manifestVariables } from './variables';
import { readZip } from './zip/read';
import { writeZip, type ZipEntry } from './zip/write';

/** The manifest type of the schema version the package targets. */
export type TeamsManifest = TeamsManifestV1D30.TeamsManifestV1D30;

/** Inputs of a package build. */
export interface BuildOptions {
  /** The project root: package.json's version is the default APP_VERSION. */
  readonly cwd: string;
  /** Values for the `${{NAME}}` placeholders (the loaded environment). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The bot's commands, from its registry. */
  readonly commands: readonly CommandDescription[];
  /** Folder holding manifest.json (the template) and the icons; default `<cwd>/manifest/appPackage`. */
  readonly templateDir?: string;
}

/** A built, checked package: the manifest and the files to zip. */
export interface BuiltPackage {
  readonly manifest: TeamsManifest;
  readonly files: readonly ZipEntry[];
}

const DERIVED = { PUBLIC_HOST: ['PUBLIC_URL'], TAB_API_AUDIENCE: ['PUBLIC_URL', 'MicrosoftAppId'] } as const;

/** Fills, generates and checks the manifest and icons; throws ManifestError listing every problem. */
export async function buildAppPackage(opts: BuildOptions): Promise<BuiltPackage> {
  const dir = opts.templateDir ?? path.join(opts.cwd, 'manifest', 'appPackage');
  let template: unknown;
  try {
    template = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
  } catch (err) {
    throw new ManifestError([
      { field: 'manifest.json', message: `cannot be read as JSON: ${(err as Error).message}` },
    ]);
  }
  const version = (
    JSON.parse(readFileSync(path.join(opts.cwd, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const { vars, problems: varProblems } = manifestVariables(opts.env, version);
  const filled = substitute(template, vars, DERIVED);
  // Unset or malformed inputs make every later message noise: report them alone.
  if (varProblems.length || filled.problems.length)
    throw new ManifestError([...varProblems, ...filled.problems]);

  const manifest = filled.value as Record<string, unknown> & TeamsManifest;
  const problems: Problem[] = [];
  const bot = manifest.bots?.[0];
  if (!bot) problems.push({ field: 'bots', message: 'must declare the bot (botId, supportsCalling)' });
  else {
    const { lists, problems: cmdProblems } = buildCommandLists(opts.commands, bot.scopes ?? []);
    bot.commandLists = lists;
    problems.push(...cmdProblems);
  }

  problems.push(...checkManifestRules(manifest, filled.origins));
  // Our messages are more specific than the schema's; keep one problem per field.
  const seen = new Set(problems.map((p) => p.field));
  problems.push(...(await validateAgainstSchema(manifest)).filter((p) => !seen.has(p.field)));

  const files: ZipEntry[] = [];
  const icons: Array<['color' | 'outline', (f: Buffer, field: string) => Problem[]]> = [
    ['color', checkColorIcon],
    ['outline', checkOutlineIcon],
  ];
  for (const [kind, check] of icons) {
    const rel = manifest.icons?.[kind];
    const field = `icons.${kind}`;
    if (typeof rel !== 'string') continue; // the schema already reported it
    if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..')) {
      problems.push({ field, message: `"${rel}" must be a file name inside the package folder` });
      continue;
    }
    let data: Buffer;
    try {
      data = await readFile(path.join(dir, rel));
    } catch {
      problems.push({ field, message: `"${rel}" was not found in ${dir}` });
      continue;
    }
    problems.push(...check(data, field));
    files.push({ name: rel.replace(/\\/g, '/'), data });
  }
  if (problems.length) throw new ManifestError(problems);
  const json = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  return { manifest, files: [{ name: 'manifest.json', data: json }, ...files] };
}

/** Builds the package and writes it as a zip (default `<cwd>/build/appPackage.zip`); returns its path. */
export async function writeAppPackage(
  opts: BuildOptions & { readonly outFile?: string },
): Promise<{ path: string; manifest: TeamsManifest }> {
  const built = await buildAppPackage(opts);
  const out = opts.outFile ?? path.join(opts.cwd, 'build', 'appPackage.zip');
  const zip = writeZip(built.files);
  // Read back what was written: a package that cannot be opened is worse than no package.
  const back = readZip(zip).map((e) => e.name);
  if (back.join() !== built.files.map((f) => f.name).join())
    throw new Error(`zip round trip lost entries: ${back.join()}`);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, zip);
  return { path: out, manifest: built.manifest };
}
