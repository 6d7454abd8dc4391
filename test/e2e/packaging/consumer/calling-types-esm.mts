// The same package from a TypeScript ES module: the `import` entry's declarations name the same API.
import { createCallsEdge, sameId, wallClockAt, type CallsEdge, type WallClock } from '@switchboard/calling';

export const edge: typeof createCallsEdge = createCallsEdge;
export const noon: WallClock = wallClockAt(Date.UTC(2026, 5, 1, 10), 'Europe/Paris');
export const same: boolean = sameId(
  '2F1A0C007E4D4B9AA5C39D8E6F4B2A10',
  '2f1a0c00-7e4d-4b9a-a5c3-9d8e6f4b2a10',
);
export type Edge = CallsEdge;
// @ts-expect-error a wall clock's hour is a number
export const late: WallClock['hour'] = 'late';
