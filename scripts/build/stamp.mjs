// Whether a build step is up to date: a hash of its sources' contents against the hash recorded when it
// last built, and its outputs present.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Folders never read as sources: dependencies, build outputs, version control. */
const SKIP = new Set(['node_modules', 'dist', '.git', 'coverage']);
export const STAMP_FILE = 'dist/.build-stamps.json';

/** Every file under the inputs (files or folders, relative to root), relative and sorted. */
export function inputFiles(root, inputs) {
  const out = [];
  const walk = (rel) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      if (SKIP.has(e.name)) continue;
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) out.push(child);
    }
  };
  for (const input of inputs) {
    const abs = path.join(root, input);
    if (!existsSync(abs)) continue;
    if (statSync(abs).isDirectory()) walk(input);
    else out.push(input);
  }
  return [...new Set(out)].sort();
}

/** A hash of the files' names and contents. */
export function hashFiles(root, files) {
  const hash = createHash('sha256');
  for (const f of files) {
    hash.update(`${f}\0`);
    hash.update(readFileSync(path.join(root, f)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The hashes recorded by the last successful build of each step. */
export function readStamps(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, STAMP_FILE), 'utf8'));
  } catch {
    // No build yet, or an unreadable record: every step builds.
    return {};
  }
}

/** Records a step's hash once it built. */
export function writeStamp(root, name, hash) {
  const stamps = { ...readStamps(root), [name]: hash };
  mkdirSync(path.join(root, path.dirname(STAMP_FILE)), { recursive: true });
  writeFileSync(path.join(root, STAMP_FILE), `${JSON.stringify(stamps, null, 2)}\n`);
}

/** Whether a step must build, why, the outputs it lacks, and the hash to record once it has built. */
export function stepStatus(root, step, stamps = readStamps(root)) {
  const files = inputFiles(root, step.inputs);
  const hash = hashFiles(root, files);
  const missing = step.missing(root, files);
  if (stamps[step.name] !== hash)
    return { build: true, hash, missing, why: stamps[step.name] ? 'sources changed' : 'no build recorded' };
  if (missing.length > 0) return { build: true, hash, missing, why: `${missing[0]} is missing` };
  return { build: false, hash, missing, why: 'up to date' };
}
