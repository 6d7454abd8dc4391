import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses a .env file with Node's parser (comments, blank lines, single, double or backtick quotes,
 * multi-line double-quoted values, an `export ` prefix). A line that is not KEY=VALUE is skipped.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [raw, value] of Object.entries(parseEnv(text))) {
    // Node 20 reads a line with no "=" as the start of the next line's key: the real name follows the
    // last line break.
    const key = raw
      .slice(raw.lastIndexOf('\n') + 1)
      .trim()
      .replace(/^export\s+/, '');
    if (NAME.test(key) && value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The environment the app reads: the process environment wins over `.env`, which wins over
 * `env/.env.<SWITCHBOARD_ENV>` (the Teams Toolkit convention). Sources are kept for the startup log.
 */
export function loadEnvironment(
  cwd: string,
  processEnv: Readonly<Record<string, string | undefined>>,
): { env: Record<string, string | undefined>; sources: Record<string, string> } {
  const layers: Array<[string, Record<string, string>]> = [];
  const named = processEnv.SWITCHBOARD_ENV;
  for (const file of [named ? path.join('env', `.env.${named}`) : undefined, '.env']) {
    if (!file) continue;
    const full = path.join(cwd, file);
    if (existsSync(full)) layers.push([file, parseEnvFile(readFileSync(full, 'utf8'))]);
  }
  const env: Record<string, string | undefined> = {};
  const sources: Record<string, string> = {};
  for (const [file, values] of layers) {
    for (const [k, v] of Object.entries(values)) {
      env[k] = v;
      sources[k] = file;
    }
  }
  for (const [k, v] of Object.entries(processEnv)) {
    if (v === undefined) continue;
    env[k] = v;
    sources[k] = 'environment';
  }
  return { env, sources };
}
