// npm and node run as a user of the packed emulator runs them: in an environment without the npm or
// loader settings that an npm script or this test runner put there, so nothing of the repository leaks
// into the installed copy.
import { execFile } from 'node:child_process';
import { copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** This process's environment less npm's per-script settings, the loader and coverage hooks. */
export function userEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(
    ([k]) => !/^npm_/i.test(k) && !['NODE_OPTIONS', 'NODE_V8_COVERAGE', 'INIT_CWD'].includes(k),
  );
  return { ...Object.fromEntries(kept), ...extra };
}

/** Runs a command to its end; resolves with its stdout, rejects with its stderr. */
export async function run(
  cmd: string,
  args: readonly string[],
  cwd: string,
  timeoutMs: number,
): Promise<string> {
  try {
    const { stdout } = await exec(cmd, [...args], {
      cwd,
      env: userEnv(),
      timeout: timeoutMs,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (err) {
    const e = err as Error & { stderr?: string; stdout?: string };
    throw new Error(
      `${cmd} ${args.join(' ')} failed in ${cwd}: ${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}`,
    );
  }
}

/** `npm pack` of the package in `dir` (its prepack builds it) into `dest`: the tarball and its files. */
export async function pack(dir: string, dest: string): Promise<{ tarball: string; files: string[] }> {
  const out = await run('npm', ['pack', '--json', '--pack-destination', dest], dir, 240_000);
  const [result] = JSON.parse(out) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!result) throw new Error(`npm pack printed no result: ${out}`);
  return { tarball: path.join(dest, result.filename), files: result.files.map((f) => f.path) };
}

/** Installs a tarball into `dir` as a project would install a published package. */
export async function install(dir: string, tarball: string): Promise<void> {
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], dir, 240_000);
}

/** Installs what `dir`'s package.json declares, as a project does after naming its tarballs there. */
export async function installDeclared(dir: string): Promise<void> {
  await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], dir, 240_000);
}

/**
 * Type-checks `files` in `dir` as a strict TypeScript user of the installed packages would: Node's own
 * module resolution (package exports), library declarations checked too, only the `types` named.
 */
export async function typecheckConsumer(
  dir: string,
  files: readonly string[],
  types: readonly string[],
  timeoutMs: number,
): Promise<void> {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'node16',
      moduleResolution: 'node16',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types,
    },
    files,
  };
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], dir, timeoutMs);
}

/**
 * A TypeScript project on Node: installs Node's types into `dir`, copies `files` there from `from`, and
 * type-checks them strictly against the installed packages' declarations.
 */
export async function typecheckNodeConsumer(
  dir: string,
  from: string,
  files: readonly string[],
): Promise<void> {
  await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '@types/node@^20'],
    dir,
    240_000,
  );
  for (const file of files) await copyFile(path.join(from, file), path.join(dir, file));
  await typecheckConsumer(dir, files, ['node'], 120_000);
}
