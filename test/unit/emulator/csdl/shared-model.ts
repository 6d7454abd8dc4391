// One parse of the CSDL for all the csdl test files of a run (mocha loads them into one process).
import path from 'node:path';
import { loadCsdl, shippedCsdlPath } from '../../../../emulator/csdl';
import type { CsdlModel } from '../../../../emulator/csdl';

/** The metadata the emulator ships (gzipped). */
export const CSDL_PATH = shippedCsdlPath();
export const FIXTURES = path.join(__dirname, '../../../fixtures/emulator/csdl');

let cached: CsdlModel | undefined;

/** The model of the shipped metadata, loaded on first use. */
export function sharedModel(): CsdlModel {
  cached ??= loadCsdl(CSDL_PATH);
  return cached;
}
