// The presence resource as Graph returns it (SPEC.md §7): id, availability, activity and the
// out-of-office and status-message members every documented answer carries.
import type { PresenceState } from './states';

/** One presence object, optionally with its @odata.context. */
export function presenceJson(id: string, state: PresenceState, context?: string): Record<string, unknown> {
  return {
    ...(context ? { '@odata.context': context } : {}),
    id,
    availability: state.availability,
    activity: state.activity,
    statusMessage: null,
    outOfOfficeSettings: { message: null, isOutOfOffice: false },
  };
}
