import type { BuildStep } from './stamp.mjs';
export const STEPS: readonly BuildStep[];
