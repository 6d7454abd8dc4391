import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port';

const run = promisify(execFile);

export interface TestPostgres {
  /** postgres:// URL of an empty database on 127.0.0.1. */
  url: string;
  /** Creates another empty database on the same server and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its files; idempotent. */
  stop(): Promise<void>;
}

const hasServerBinaries = (dir: string) =>
  existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'));

function pgBinDir(): string {
  const candidates: string[] = [];
  // pg_config comes with the client dev package and is often absent; the other places still count.
  const pgConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debianRoot, v, 'bin')));
  }
  candidates.push(...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean));
  const found = candidates.find(hasServerBinaries);
  if (!found) {
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) were not found via pg_config, /usr/lib/postgresql/*/bin ' +
        'or PATH. Install PostgreSQL (e.g. apt-get install postgresql) to run the PostgreSQL store tests.',
    );
  }
  return found;
}

function idOf(flag: '-u' | '-g', user: string): number {
  return Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
}

/** Starts a throwaway PostgreSQL server in a temp dir (as the postgres OS user when run as root). */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = pgBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-pg-'));
  const dataDir = path.join(dir, 'data');
  // PostgreSQL refuses to run as root, so the cluster belongs to the postgres user.
  if (asRoot) chownSync(dir, idOf('-u', 'postgres'), idOf('-g', 'postgres'));
  chmodSync(dir, 0o700);
  // The postgres user may not be able to enter the caller's working directory, hence cwd.
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]]
      : [path.join(bin, tool), args];
  const pgRun = (tool: string, args: string[]) => run(...command(tool, args), { cwd: dir });

  let stopped = false;
  const stopArgs = ['-D', dataDir, '-m', 'immediate', '-w', 'stop'];
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
      execFileSync(...command('pg_ctl', stopArgs), { cwd: dir, stdio: 'ignore' });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // A test run killed mid-way must not leave a server behind.
  process.once('exit', stopSync);

  try {
    await pgRun('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
      try {
        await pgRun('pg_ctl', [
          '-D',
          dataDir,
          '-l',
          path.join(dir, 'server.log'),
          '-o',
          options,
          '-w',
          '-t',
          '30',
          'start',
        ]);
        break;
      } catch (error) {
        // Another process may have taken the port between probing and binding.
        if (attempt >= 3) throw error;
      }
    }
    const base = `postgres://postgres@127.0.0.1:${port}`;
    const createDatabase = async (name: string) => {
      const admin = new pg.Client({ connectionString: `${base}/postgres` });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await admin.end();
      }
      return `${base}/${name}`;
    };
    const url = await createDatabase('switchboard_test');
    return {
      url,
      createDatabase,
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', stopSync);
        if (existsSync(path.join(dataDir, 'postmaster.pid'))) await pgRun('pg_ctl', stopArgs);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.removeListener('exit', stopSync);
    stopSync();
    throw error;
  }
}
