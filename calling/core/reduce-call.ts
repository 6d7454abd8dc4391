// A call notification applied to the call we hold: pure, so every rule is testable without a database.
import type { StoredCall, TimelineEntry } from '../storage';
import type { ResultInfo } from '../types';
import { decide, isCallState, type CallEvent, type CallState } from './call-machine';
import type { PendingEvent } from './events';
import { identityOfInfo } from './identity';
import { describeEnd, isFailure, LOCAL_END_REASONS, readResultInfo } from './result-info';
import { callWireIdOf, type StoredNotification } from './stored-notification';
import { digitOf } from './tones';
import { callView } from './views';

const MAX_TONE_MARKS = 200;

/** Per-call dedupe marks kept in the call row. */
export interface CallMarks {
  readonly toneSeqs?: readonly number[];
  readonly established?: boolean;
}

export interface CallReduction {
  readonly call: StoredCall;
  readonly events: PendingEvent[];
  readonly timeline: TimelineEntry[];
  /** A transfer in progress finished, one way or the other. */
  readonly transfer?: { readonly ok: boolean; readonly resultInfo?: ResultInfo };
  /** The call reached established (an answer in progress succeeded). */
  readonly established?: boolean;
  /** The call ended: open operations cannot finish any more. */
  readonly ended?: { readonly resultInfo?: ResultInfo; readonly reason: string };
}

/**
 * A call row for an id we had not seen: `id` is its key, `wireId` the spelling Graph used, which the row
 * keeps for the call's whole life (the first spelling learned wins; see README, *Ids*).
 */
export function blankCall(
  id: string,
  wireId: string,
  tenantId: string,
  now: number,
  direction = 'outgoing',
): StoredCall {
  return {
    id,
    wireId,
    tenantId,
    direction,
    state: 'establishing',
    resource: {},
    myParticipantId: null,
    participants: { present: {}, gone: {} },
    marks: {},
    flow: null,
    scenarioId: null,
    createdAt: now,
    updatedAt: now,
    lastNotifiedAt: null,
    endedAt: null,
    endCode: null,
    endSubcode: null,
    endReason: null,
    meta: null,
    version: 0,
  };
}

function eventOf(n: StoredNotification, state: CallState | undefined): CallEvent | undefined {
  if (n.local === 'gone') return 'gone';
  if (n.changeType === 'deleted') return state === undefined || state === 'terminated' ? 'deleted' : state;
  return state;
}

/** Applies one call-resource notification. `existing` undefined: the call is new to us. */
export function reduceCall(
  existing: StoredCall | undefined,
  n: StoredNotification,
  tenantId: string,
  now: number,
): CallReduction {
  const data = (Array.isArray(n.resourceData) ? n.resourceData[0] : n.resourceData) ?? {};
  const state = isCallState(data['state']) ? data['state'] : undefined;
  const event = eventOf(n, state);
  const resultInfo = readResultInfo(data['resultInfo']);
  const previous = existing?.state as CallState | undefined;
  const decision = event
    ? decide(previous, event, isFailure(resultInfo))
    : { outcome: 'same' as const, changed: false, next: previous ?? 'establishing' };
  const direction =
    existing?.direction ??
    (data['direction'] === 'incoming' || state === 'incoming' ? 'incoming' : 'outgoing');
  const base = existing ?? blankCall(n.callId, callWireIdOf(n), tenantId, now, direction);
  const marks = { ...((base.marks ?? {}) as CallMarks) };
  const timeline: TimelineEntry[] = [];
  const events: PendingEvent[] = [];
  const at = now;

  if (decision.outcome === 'final') {
    // A call we ended on a 404 (`gone`) learns how it really ended when Graph's own notification follows.
    if (base.endReason === LOCAL_END_REASONS.gone && event !== 'gone' && resultInfo) {
      const reason = describeEnd(
        resultInfo,
        typeof data['terminationReason'] === 'string' ? data['terminationReason'] : undefined,
      );
      timeline.push({ callId: n.callId, at, kind: 'decision', summary: `how the call ended: ${reason}` });
      const ending = { endCode: resultInfo.code, endSubcode: resultInfo.subcode, endReason: reason };
      return { call: { ...base, ...ending, lastNotifiedAt: now }, events, timeline };
    }
    timeline.push({
      callId: n.callId,
      at,
      kind: 'decision',
      summary: `ignored ${event}: the call already ended`,
    });
    return { call: { ...base, lastNotifiedAt: now }, events, timeline };
  }
  const fresh = decision.outcome !== 'stale';
  if (!fresh) {
    timeline.push({
      callId: n.callId,
      at,
      kind: 'decision',
      summary: `ignored stale ${event} (the call is ${previous})`,
    });
  }

  let call: StoredCall = {
    ...base,
    direction,
    state: decision.next,
    resource: fresh ? { ...base.resource, ...data } : base.resource,
    myParticipantId:
      typeof data['myParticipantId'] === 'string' ? data['myParticipantId'] : base.myParticipantId,
    updatedAt: decision.changed ? now : base.updatedAt,
    lastNotifiedAt: now,
  };

  const tone = (data['toneInfo'] ?? undefined) as Record<string, unknown> | undefined;
  const digit = tone ? digitOf(tone['tone']) : undefined;
  if (tone && digit !== undefined) {
    const seq = typeof tone['sequenceId'] === 'number' ? tone['sequenceId'] : undefined;
    const seen = marks.toneSeqs ?? [];
    if (seq === undefined || !seen.includes(seq)) {
      if (seq !== undefined) marks.toneSeqs = [...seen, seq].slice(-MAX_TONE_MARKS);
      events.push({
        name: 'tone',
        payload: {
          call: callView(call),
          tone: String(tone['tone']),
          digit,
          ...(seq === undefined ? {} : { sequenceId: seq }),
        },
      });
      timeline.push({ callId: n.callId, at, kind: 'notification', summary: `tone ${digit}`, data: { seq } });
    } else {
      timeline.push({
        callId: n.callId,
        at,
        kind: 'decision',
        summary: `ignored repeated tone ${digit} (#${seq})`,
      });
    }
  }

  let ended: CallReduction['ended'];
  let transfer: CallReduction['transfer'];
  let established = false;
  if (decision.changed) {
    const to = decision.next;
    if (to === 'terminated') {
      const reason =
        event === 'gone'
          ? LOCAL_END_REASONS.gone
          : describeEnd(
              resultInfo,
              typeof data['terminationReason'] === 'string' ? data['terminationReason'] : undefined,
            );
      call = {
        ...call,
        endedAt: now,
        endCode: resultInfo?.code ?? null,
        endSubcode: resultInfo?.subcode ?? null,
        endReason: reason,
      };
      ended = { reason, ...(resultInfo ? { resultInfo } : {}) };
      const transferred =
        previous === 'transferAccepted' ||
        resultInfo?.subcode === 7015 ||
        data['terminationReason'] === 'AppTransferred';
      if (previous === 'transferring' || previous === 'transferAccepted') {
        transfer = transferred ? { ok: true } : { ok: false, ...(resultInfo ? { resultInfo } : {}) };
      }
    }
    if (to === 'transferAccepted') transfer = { ok: true };
    if (to === 'established' && (previous === 'transferring' || previous === 'transferAccepted')) {
      transfer = { ok: false, ...(resultInfo ? { resultInfo } : {}) };
    }
    if (to === 'established' && !marks.established) {
      marks.established = true;
      established = true;
    }
    call = { ...call, marks };
    const view = callView(call);
    timeline.push({
      callId: n.callId,
      at,
      kind: 'state',
      summary: `${previous ?? '(new)'} → ${to}`,
      ...(resultInfo ? { data: { resultInfo } } : {}),
    });
    if (previous === undefined && to === 'incoming') {
      events.push({ name: 'incoming', payload: { call: view, caller: identityOfInfo(data['source']) } });
    }
    events.push({
      name: 'stateChanged',
      payload: { call: view, from: previous, to, ...(resultInfo ? { resultInfo } : {}) },
    });
    if (established) events.push({ name: 'established', payload: { call: view } });
    if (ended) events.push({ name: 'terminated', payload: { call: view, ...ended } });
  } else {
    call = { ...call, marks };
  }
  return {
    call,
    events,
    timeline,
    ...(transfer ? { transfer } : {}),
    ...(established ? { established } : {}),
    ...(ended ? { ended } : {}),
  };
}
