// Small pure helpers behind the engine's bookkeeping: how a notification is summarised in a call's
// timeline, and whether a call involves a person (for the busy rule).
import type { CallRec } from './model';

/** The timeline summary of a notification: change, resource, type and state or status. */
export function summarise(notification: object): Record<string, unknown> {
  const n = notification as { changeType?: string; resourceUrl?: string; resourceData?: unknown };
  const data = n.resourceData;
  if (Array.isArray(data))
    return { changeType: n.changeType, resourceUrl: n.resourceUrl, type: 'participants', count: data.length };
  const d = (data ?? {}) as { state?: string; status?: string; '@odata.type'?: string };
  return {
    changeType: n.changeType,
    resourceUrl: n.resourceUrl,
    type: d['@odata.type'],
    ...(d.state ? { state: d.state } : {}),
    ...(d.status ? { status: d.status } : {}),
  };
}

/** True when a live call has the person as its P2P counterpart, in its roster, or ringing for it. */
export function involves(call: CallRec, personId: string): boolean {
  if (call.state === 'terminated') return false;
  const key = personId.toLowerCase();
  if (call.remotePersonId?.toLowerCase() === key) return true;
  if ([...call.ringing].some((p) => p.toLowerCase() === key)) return true;
  return [...call.participants.values()].some((p) => p.personId?.toLowerCase() === key);
}
