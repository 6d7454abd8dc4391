// Recognises the runtime's record in a call's `flow` (other code may keep other shapes there).
import type { StoredFlow } from './types';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** True when the value has the runtime's shape: kind, state, timers, tasks, rev. */
export function isStoredFlow(v: unknown): v is StoredFlow {
  return (
    isRecord(v) &&
    typeof v['kind'] === 'string' &&
    'state' in v &&
    isRecord(v['timers']) &&
    isRecord(v['tasks']) &&
    typeof v['rev'] === 'number'
  );
}
