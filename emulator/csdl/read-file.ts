// Reads the metadata file, plain or gzipped, and turns every way it can be unusable into one line that
// says what the file is, where it comes from and how to point at another copy.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The copy shipped with the emulator: beside this file when run from source, in the source tree when run
 * from the build (dist/emulator/csdl/, where tsc copies no data files).
 */
export function shippedCsdlPath(): string {
  const name = path.join('metadata', 'v1.0.csdl.gz');
  const candidates = [
    path.join(__dirname, name),
    path.resolve(__dirname, '..', '..', '..', 'emulator', 'csdl', name),
  ];
  return candidates.find((p) => existsSync(p)) ?? (candidates[0] as string);
}

const ORIGIN =
  "Microsoft's Graph v1.0 metadata (schemas/v1.0-Prod.csdl from github.com/microsoftgraph/msgraph-metadata, " +
  'shipped as emulator/csdl/metadata/v1.0.csdl.gz; see SOURCE.md there)';

/** Why the metadata could not be used, in one line. */
export class CsdlFileError extends Error {
  override readonly name = 'CsdlFileError';
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/** The XML text of a CSDL file; throws CsdlFileError with a one-line message. */
export function readCsdlText(file: string): string {
  const fix =
    'restore it (git checkout -- emulator/csdl/metadata) or set EMULATOR_CSDL to another copy (.csdl or .csdl.gz)';
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new CsdlFileError(`cannot read ${file} (${code}): it should hold ${ORIGIN}; ${fix}.`);
  }
  let text: string;
  try {
    text = (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1] ? gunzipSync(bytes) : bytes).toString(
      'utf8',
    );
  } catch (err) {
    throw new CsdlFileError(
      `${file} is not a readable gzip file (${(err as Error).message}): it should hold ${ORIGIN}; ${fix}.`,
    );
  }
  if (!/<edmx:Edmx[\s>]/.test(text.slice(0, 4096))) {
    throw new CsdlFileError(
      `${file} is not CSDL (no edmx:Edmx element at its start): it should hold ${ORIGIN}; ${fix}.`,
    );
  }
  return text;
}
