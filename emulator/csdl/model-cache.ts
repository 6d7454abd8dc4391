// The parsed metadata kept between starts. Parsing the CSDL takes about 0.7 s of every emulator start;
// reading the model back (v8 serialisation keeps its Maps) takes under 0.1 s. The cache is keyed by the
// metadata file's bytes, the code that reads it (this folder) and V8's version, so a changed file, a
// changed reader or another Node reads the metadata afresh.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { loadCsdl } from './load';
import type { CsdlModel } from './model';

const CACHE_FILE = 'csdl-model.v8';

/** What the cached model depends on. */
export function csdlCacheKey(csdlPath: string): string {
  const hash = createHash('sha256');
  hash.update(process.versions.v8);
  hash.update(readFileSync(csdlPath));
  for (const file of readdirSync(__dirname)
    .filter((f) => /\.(ts|js)$/.test(f))
    .sort()) {
    hash.update(file);
    hash.update(readFileSync(path.join(__dirname, file)));
  }
  return hash.digest('hex');
}

/**
 * The model of `csdlPath`, from `cacheDir` when the cache matches, else parsed (and cached for the next
 * start). A cache that cannot be read or written only costs the parse; `log` says why.
 */
export function loadCsdlCached(csdlPath: string, cacheDir: string, log: (msg: string) => void): CsdlModel {
  const file = path.join(cacheDir, CACHE_FILE);
  let key: string;
  try {
    key = csdlCacheKey(csdlPath);
  } catch {
    // The metadata file itself is unreadable: loadCsdl says so in its own words.
    return loadCsdl(csdlPath);
  }
  try {
    const cached = v8.deserialize(readFileSync(file)) as { key?: string; model?: CsdlModel };
    if (cached.key === key && cached.model) return cached.model;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      log(
        `the cached metadata model ${file} is unreadable (${(err as Error).message}); parsing the CSDL again`,
      );
  }
  const model = loadCsdl(csdlPath);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, v8.serialize({ key, model }));
    renameSync(tmp, file);
  } catch (err) {
    log(
      `could not cache the metadata model in ${file} (${(err as Error).message}); the next start parses it again`,
    );
  }
  return model;
}
