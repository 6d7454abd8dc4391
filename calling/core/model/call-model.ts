// The one function that turns what the store keeps about a call into the Call every surface renders.
// Pure: the same row gives the same Call, on any instance.
import type { StoredCall } from '../../storage';
import { isCallState, type CallState } from '../call-machine';
import { readMeta, type CallMeta } from './annotations';
import type { Call, CallMeeting, CallOrigin, CallPhase, CallPurpose } from './call';
import { endOf, endOutcome } from './ending';
import { legIsLive, peopleWithLegs } from './consultation';
import { peopleOf } from './people';

export interface CallModelOptions {
  /** What the app's own leg is called (default "Switchboard"). */
  readonly appName?: string;
  /** The rows of the call's consultation legs (`meta.consultations`), whose people it shows. */
  readonly legs?: readonly StoredCall[];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
}

function meetingOf(meta: CallMeta, resource: Readonly<Record<string, unknown>>): CallMeeting | undefined {
  const threadId = str(obj(resource['chatInfo'])?.['threadId']);
  if (!meta.meeting && !threadId && !obj(resource['meetingInfo'])) return undefined;
  return { ...(threadId ? { threadId } : {}), ...meta.meeting };
}

// Flows that placed a call before they said what it was for are known by their stored position.
const PURPOSE_OF_FLOW: Readonly<Record<string, CallPurpose>> = {
  reminder: 'reminder',
  'click-to-call': 'connect',
};

function defaultPurpose(
  direction: Call['direction'],
  meeting: CallMeeting | undefined,
  resource: Readonly<Record<string, unknown>>,
  flow: unknown,
): CallPurpose {
  if (direction === 'incoming') return 'incoming';
  if (meeting) return 'meeting';
  const flowKind = obj(flow)?.['kind'];
  const byFlow = typeof flowKind === 'string' ? PURPOSE_OF_FLOW[flowKind] : undefined;
  if (byFlow) return byFlow;
  const targets = resource['targets'];
  return Array.isArray(targets) && targets.length > 1 ? 'group' : 'oneToOne';
}

function phaseOf(state: CallState, purpose: CallPurpose, connected: boolean): CallPhase {
  switch (state) {
    case 'incoming':
    case 'ringing':
      return 'ringing';
    case 'establishing':
      // An outgoing call is establishing while the other side rings; joining a meeting just connects.
      return purpose === 'meeting' || purpose === 'incoming' ? 'connecting' : 'ringing';
    case 'redirecting':
      return 'connecting';
    case 'established':
      return 'connected';
    case 'hold':
      return 'onHold';
    case 'transferring':
    case 'transferAccepted':
      return 'transferring';
    case 'terminating':
      return connected ? 'connected' : 'connecting';
    case 'terminated':
      return 'ended';
  }
}

/**
 * Whether the call was placed to one person (P2P): Graph sends no roster for such a call. A group call
 * (several targets) or a meeting join has a roster, and only it says who answered.
 */
function placedToOne(
  meta: CallMeta,
  meeting: CallMeeting | undefined,
  resource: Readonly<Record<string, unknown>>,
) {
  if (meeting || obj(resource['meetingInfo'])) return false;
  const targets = resource['targets'];
  if (Array.isArray(targets)) return targets.length === 1;
  return (meta.people ?? []).filter((n) => n.via === 'target').length === 1;
}

/** The Call for a stored call row. */
export function callModel(c: StoredCall, opts: CallModelOptions = {}): Call {
  const appName = opts.appName ?? 'Switchboard';
  const meta = readMeta(c.meta);
  const state: CallState = isCallState(c.state) ? c.state : 'establishing';
  const direction = c.direction === 'incoming' ? 'incoming' : 'outgoing';
  const meeting = meetingOf(meta, c.resource);
  const purpose = meta.purpose ?? defaultPurpose(direction, meeting, c.resource, c.flow);
  const origin: CallOrigin = meta.origin ?? { surface: direction === 'incoming' ? 'frontDesk' : 'api' };
  const ended = state === 'terminated' ? endOutcome(c, meta) : undefined;
  const endedAt = ended ? (c.endedAt ?? c.updatedAt) : undefined;
  const legs = (opts.legs ?? []).map((leg) => callModel(leg, { appName }));
  const own = peopleOf(c, meta, {
    appName,
    ...(meta.connectedAt !== undefined ? { connectedAt: meta.connectedAt } : {}),
    ...(endedAt !== undefined ? { endedAt } : {}),
    ...(ended ? { ended: ended.outcome } : {}),
    transferAccepted: state === 'transferAccepted',
    oneToOne: direction === 'outgoing' && placedToOne(meta, meeting, c.resource),
  });
  const people = legs.length > 0 ? peopleWithLegs(own, legs, ended !== undefined) : own;
  const phase = phaseOf(state, purpose, meta.connectedAt !== undefined);
  const subject = meta.subject ?? meeting?.subject ?? str(c.resource['subject']);
  return {
    id: c.wireId,
    tenantId: c.tenantId,
    direction,
    state,
    // While a leg rings (or holds) the person being brought in, the call is being put through.
    phase: phase === 'connected' && legs.some(legIsLive) ? 'transferring' : phase,
    purpose,
    origin,
    ...(subject ? { subject } : {}),
    ...(meeting ? { meeting } : {}),
    people,
    createdAt: c.createdAt,
    ...(meta.connectedAt !== undefined ? { connectedAt: meta.connectedAt } : {}),
    ...(endedAt !== undefined ? { endedAt } : {}),
    ...(ended ? { end: endOf(ended, meta, people, appName) } : {}),
    version: legs.reduce((v, leg) => v + leg.version, c.version),
  };
}
