// An ES module project's use of the installed calling package: `import`, then the shared first steps.
// It prints one JSON line: where the package was loaded from, its names, what the steps saw, and whether
// `import` and `require` in one process give the very same objects (one implementation, not two).
import { createRequire } from 'node:module';
import * as calling from '@switchboard/calling';
import { CallingError, createCallsEdge } from '@switchboard/calling';
import exercise from './calling-exercise.cjs';

const required = createRequire(import.meta.url)('@switchboard/calling');
const seen = await exercise(calling);
console.log(
  JSON.stringify({
    loadedFrom: import.meta.resolve('@switchboard/calling'),
    names: Object.keys(calling).sort(),
    ...seen,
    sameObjects: required.CallingError === CallingError && required.createCallsEdge === createCallsEdge,
  }),
);
