// One parse of the CSDL for all the csdl test files of a run (mocha loads them into one process).
import path from 'node:path';
import { loadCsdl } from '../../../../emulator/csdl';
import type { CsdlModel } from '../../../../emulator/csdl';

export const CSDL_PATH = path.join(__dirname, '../../../../../shared/graph/v1.0.csdl');
export const FIXTURES = path.join(__dirname, '../../../fixtures/emulator/csdl');

let cached: CsdlModel | undefined;

/** The model of shared/graph/v1.0.csdl, loaded on first use. */
export function sharedModel(): CsdlModel {
  cached ??= loadCsdl(CSDL_PATH);
  return cached;
}
