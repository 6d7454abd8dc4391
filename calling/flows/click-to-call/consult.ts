// The consultation leg: once A has heard whom they are connected to, the flow rings B on a call of its
// own (bound to the flow); B's answer lets A's call be transferred onto it (replacesCallId, a
// consultative transfer, SPEC §3.6), and B's refusal ends with Graph's real outcome, told to A in words.
import type { CallView } from '../../core';
import type { FlowControl } from '../runtime';
import { describeTarget, partyOf, unansweredResult } from '../reminders';
import { CONNECT_SCENARIO, type ConnectContext } from './context';
import type { ConnectRecord } from './types';

const B_WORDS = { busy: 'was busy', declined: 'declined the call', 'no-answer': 'did not answer' } as const;

/** Rings B on a call of the flow's own (task `callB`); its ring timeout is timer `ringB`. */
export function ringB(c: ConnectContext, ctl: FlowControl, r: ConnectRecord): ConnectRecord {
  ctl.placeCall('callB', {
    to: partyOf(r.b),
    ...(r.from ? { from: r.from } : {}),
    subject: `${describeTarget(r.a)} is on the line for you`,
    scenarioId: CONNECT_SCENARIO,
    purpose: 'connect',
    // B's ring shows on A's call (A's card, the tab), not as a call of its own.
    ...(r.callId ? { consultationFor: r.callId } : {}),
  });
  ctl.setTimer('ringB', c.timing.transferTimeoutMs);
  return { ...r, status: 'consulting', updatedAt: ctl.now };
}

/** The call to B, once known: the record's, else the flow's call that is not A's. */
export function bCallOf(r: ConnectRecord, ctl: FlowControl): string | undefined {
  return r.bCallId ?? ctl.callIds.find((id) => id !== r.callId);
}

/** Whether an event's call is the call to B. */
export const isB = (r: ConnectRecord, ctl: FlowControl, callId: string | undefined) =>
  callId !== undefined && callId !== r.callId && (r.bCallId === undefined || callId === r.bCallId);

/** What B did when B's call ended untaken, in the catalogue's words, and Graph's code (" (603/0)"). */
export function bRefusal(r: ConnectRecord, call: CallView | undefined): [string, string] {
  const info = call?.end?.resultInfo;
  const u = unansweredResult(info);
  const words = u === 'busy' || u === 'declined' || u === 'no-answer' ? B_WORDS[u] : 'could not be reached';
  return [`${describeTarget(r.b)} ${words}`, info ? ` (${info.code}/${info.subcode})` : ''];
}
