// A waiting caller as a flow: join the queue, hear the hold music on a loop with the position and
// expected wait announced every so often while agents are rung (queue-ring.ts), talk to the agent who
// answers, leave a message with a key, and after the longest wait go to the message path, another
// queue or a person. The order of callers lives in the store; this flow's position in the call's flow
// JSON (timers included), so both survive a restart.
import { idKey } from '../../ids';
import { answerTask, callIsOver, tonesTask, type IvrState } from '../ivr';
import { callControl, type CallFlowControl, type FlowEvent, type FlowHandler } from '../runtime';
import type { TextPrompts } from '../tts';
import { messageMenu, pathState, transferMenu } from './message-path';
import { onConnectedEvent } from './queue-connected';
import { askForRing, onRingDone, resumeRing, ringEvent, ringTimedOut } from './queue-ring';
import type { QueueConfig } from './queue-schema';
import { QUEUE_FLOW, type QueueState } from './queue-state';
import { holdTask, joinTask } from './queue-tasks';
import { leaveQueueTask, type RingDeps } from './ring-tasks';

// A hold round Graph failed is played again after this long (not at once: no tight loop on a sick call).
const MUSIC_RETRY_MS = 5_000;

export interface QueueFlowDeps extends RingDeps {
  readonly queues: Readonly<Record<string, QueueConfig>>;
  readonly tts?: TextPrompts;
  /** Starts the IVR with `state` on the call (the message path, a transfer); the queue flow ends there. */
  readonly handOff: (callId: string, state: IvrState, note: string) => Promise<void>;
}

type Ctl = CallFlowControl;

function joined(deps: QueueFlowDeps, s: QueueState, ctl: Ctl, q: QueueConfig): QueueState {
  const caller = ctl.call.source.displayName ?? ctl.call.source.id ?? undefined;
  ctl.spawn(
    'join',
    joinTask(deps.store, { queue: s.queue, callId: ctl.callId, ...(caller ? { caller } : {}), now: ctl.now }),
  );
  ctl.spawn('tones', tonesTask(ctl.calling, ctl.callId));
  ctl.setTimer('maxWait', q.maxWaitSeconds * 1000);
  ctl.clearTimer('announce');
  ctl.note(`queue ${s.queue}: waiting${s.origin ? ` (${s.origin})` : ''}`);
  return { ...s, phase: 'joining', queuedAt: ctl.now };
}

/** The next round of music; `announce` puts the position and wait before it. */
function play(deps: QueueFlowDeps, ctl: Ctl, q: QueueConfig, announce: boolean, clearFirst: boolean): void {
  ctl.clearTimer('music');
  ctl.spawn('music', holdTask(deps, ctl.callId, q, { announce, clearFirst, log: ctl.log }));
}

/** Leaves the queue and hands the call to an IVR path (the queue flow is over once that begins). */
export function leaveFor(
  deps: QueueFlowDeps,
  s: QueueState,
  ctl: Ctl,
  state: IvrState,
  why: string,
): QueueState {
  for (const t of ['music', 'join']) ctl.forgetTask(t);
  for (const t of ['music', 'announce', 'maxWait', 'ring']) ctl.clearTimer(t);
  ctl.note(`queue ${s.queue}: ${why}`);
  const callId = ctl.callId;
  const leave = leaveQueueTask(deps, { callId, now: ctl.now, ringCallId: s.ring?.callId, log: ctl.log });
  ctl.spawn('handOff', async () => {
    await leave();
    await deps.handOff(callId, state, `queue ${s.queue}: ${why}`);
  });
  return { ...s, phase: 'leaving', ring: undefined };
}

export function toMessage(
  deps: QueueFlowDeps,
  s: QueueState,
  ctl: Ctl,
  q: QueueConfig,
  why: string,
): QueueState {
  if (!q.message) return s;
  const menu = messageMenu(s.queue, q.message, ctl.now - s.arrivedAt);
  return leaveFor(deps, s, ctl, pathState(menu, `queue ${s.queue}: ${why}`, ctl.now), why);
}

function afterMaxWait(deps: QueueFlowDeps, s: QueueState, ctl: Ctl, q: QueueConfig): QueueState {
  const after = q.afterMaxWait;
  const waited = `waited ${q.maxWaitSeconds} s`;
  if (after === 'message') return toMessage(deps, s, ctl, q, `${waited}: the message path`);
  if ('transfer' in after) {
    const state = pathState(transferMenu(s.queue, after.transfer), `queue ${s.queue}: ${waited}`, ctl.now);
    return leaveFor(deps, s, ctl, state, `${waited}: putting the caller through`);
  }
  const next = deps.queues[after.queue];
  if (!next) return toMessage(deps, s, ctl, q, `${waited}; queue ${after.queue} is gone`);
  ctl.note(`queue ${s.queue}: ${waited}, moving to queue ${after.queue}`);
  return joined(deps, { ...s, queue: after.queue }, ctl, next);
}

function onDone(deps: QueueFlowDeps, s: QueueState, ctl: Ctl, q: QueueConfig, e: DoneEvent): QueueState {
  if (e.task === 'answer') {
    if (!e.ok) throw e.error;
    return joined(deps, s, ctl, q);
  }
  if (e.task === 'join') {
    if (!e.ok) throw e.error;
    if (q.announceEverySeconds > 0) ctl.setTimer('announce', q.announceEverySeconds * 1000);
    play(deps, ctl, q, true, false);
    return askForRing(deps, { ...s, phase: 'waiting' }, ctl, q);
  }
  const ring = onRingDone(deps, s, ctl, q, e);
  if (ring) return ring;
  if (e.task === 'music' && s.phase === 'waiting') {
    if (e.ok) play(deps, ctl, q, false, false);
    else if (!callIsOver(e.error)) {
      ctl.log.warn({ err: e.error, callId: ctl.callId }, 'the hold music failed; playing it again shortly');
      ctl.setTimer('music', MUSIC_RETRY_MS);
    }
    return s;
  }
  if (e.task === 'handOff' && !e.ok) throw e.error;
  if (!e.ok && e.task === 'tones' && !callIsOver(e.error)) throw e.error;
  return s;
}

type DoneEvent = Extract<FlowEvent, { type: 'done' }>;

function onResume(
  deps: QueueFlowDeps,
  s: QueueState,
  ctl: Ctl,
  q: QueueConfig,
  lost: readonly string[],
): QueueState {
  if (s.phase === 'answering' && lost.includes('answer'))
    ctl.spawn('answer', answerTask(ctl.calling, ctl.callId));
  if (s.phase === 'joining' && lost.includes('join')) return joined(deps, s, ctl, q);
  const next = resumeRing(deps, s, ctl, q, lost);
  if (lost.includes('tones')) ctl.spawn('tones', tonesTask(ctl.calling, ctl.callId));
  // Whatever the dead instance had queued is cleared, so the music does not play twice over.
  if (s.phase === 'waiting' && lost.includes('music')) play(deps, ctl, q, false, true);
  if (s.phase === 'leaving' && lost.includes('handOff')) {
    ctl.note(`queue ${s.queue}: the hand-over was lost in a restart; it goes to the message path`);
    return toMessage(deps, next, ctl, q, 'resumed after a restart');
  }
  return next;
}

/** The queue flow handler for the runtime. */
export function createQueueFlow(deps: QueueFlowDeps): FlowHandler<QueueState> {
  return {
    kind: QUEUE_FLOW,
    handle(s, event, flowCtl) {
      const ctl = callControl(flowCtl);
      const q = deps.queues[s.queue];
      if (!q) throw new Error(`queue "${s.queue}" is not configured (QUEUES_CONFIG)`);
      if (s.phase === 'done') return s;
      // The calls to agents are bound to this flow too: their events are the rings'.
      if ((event.type === 'established' || event.type === 'terminated') && event.callId !== undefined) {
        if (idKey(event.callId) !== flowCtl.key)
          return ringEvent(deps, s, ctl, { type: event.type, callId: event.callId });
      }
      if (s.phase === 'connecting' || s.phase === 'connected')
        return onConnectedEvent(deps, s, ctl, q, event, (st, why) => toMessage(deps, st, ctl, q, why));
      switch (event.type) {
        case 'begin':
          if (ctl.call.state === 'incoming') {
            ctl.note(`queue ${s.queue}: answering`);
            ctl.spawn('answer', answerTask(ctl.calling, ctl.callId));
            return s;
          }
          return joined(deps, s, ctl, q);
        case 'resume':
          return onResume(deps, s, ctl, q, event.lostTasks);
        case 'done':
          return onDone(deps, s, ctl, q, event);
        case 'custom':
          return event.name === 'offer' ? askForRing(deps, s, ctl, q) : s;
        case 'tone':
          if (s.phase === 'waiting' && q.messageKey && event.digit === q.messageKey)
            return toMessage(deps, s, ctl, q, `caller pressed ${event.digit} to leave a message`);
          return s;
        case 'timer':
          if (s.phase !== 'waiting' && s.phase !== 'joining') return s;
          if (event.name === 'maxWait') return afterMaxWait(deps, s, ctl, q);
          if (event.name === 'ring') return ringTimedOut(deps, s, ctl);
          if (event.name === 'announce' && s.phase === 'waiting') {
            ctl.setTimer('announce', q.announceEverySeconds * 1000);
            ctl.forgetTask('music');
            play(deps, ctl, q, true, true);
            // A safety net: an agent who became Available since the last change is offered now.
            return askForRing(deps, s, ctl, q);
          }
          if (event.name === 'music' && s.phase === 'waiting') play(deps, ctl, q, false, false);
          return s;
        case 'terminated':
          for (const t of ['music', 'announce', 'maxWait', 'ring']) ctl.clearTimer(t);
          if (s.phase !== 'leaving') {
            const { callId, now, log } = ctl;
            ctl.spawn('leave', leaveQueueTask(deps, { callId, now, ringCallId: s.ring?.callId, log }));
          }
          ctl.note(`queue ${s.queue}: the caller hung up`);
          return { ...s, phase: 'done' };
        default:
          return s;
      }
    },
  };
}
