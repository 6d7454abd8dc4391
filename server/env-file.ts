import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Parses KEY=VALUE lines (comments, blank lines, optional quotes, `export ` prefix). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2] ?? '';
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2] ?? '';
    else value = value.replace(/\s+#.*$/, '');
    out[m[1] as string] = value;
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
