// The queue flow once an agent answered: the agent is moved into the caller's call, the two talk with
// the app listening to nothing but the roster, and when the call ends (or one of them leaves and the
// app hangs up on the other) the agent is free for the queue again.
import { callIsOver } from '../ivr';
import type { CallFlowControl, FlowEvent } from '../runtime';
import { waitedInWords } from './announce';
import { resumeRing } from './queue-ring';
import type { QueueConfig } from './queue-schema';
import type { QueueState } from './queue-state';
import { agentDoneTask, hangUpRingTask, type RingDeps } from './ring-tasks';

type Ctl = CallFlowControl;
type Done = Extract<FlowEvent, { type: 'done' }>;
/** Where the caller goes when the agent could not be brought in (the queue's message path). */
type Fallback = (s: QueueState, why: string) => QueueState;

/** A task of the connected phase finished: the move of the agent, or the app's hang-up. */
export function connectedDone(
  deps: RingDeps,
  s: QueueState,
  ctl: Ctl,
  q: QueueConfig,
  e: Done,
  fallback: Fallback,
): QueueState {
  if (e.task !== 'connect' || s.phase !== 'connecting' || !s.agent) return s;
  const a = s.agent;
  if (e.ok) {
    ctl.note(
      `queue ${s.queue}: agent ${a.agentId} is talking to the caller (waited ${waitedInWords(a.answeredAt - s.arrivedAt)})`,
    );
    return { ...s, phase: 'connected' };
  }
  // The caller's call ended meanwhile: its end frees the agent.
  if (callIsOver(e.error)) return s;
  ctl.log.warn({ err: e.error, callId: ctl.callId }, 'the agent could not be moved into the call');
  ctl.spawn('agentDone', agentDoneTask(deps, s.queue, a.agentId, ctl.now));
  ctl.spawn('hangUpAgent', hangUpRingTask(deps.calling, a.callId, ctl.log));
  const why = `agent ${a.agentId} answered but could not be brought into the call (${e.error.message})`;
  if (!q.message) throw new Error(`queue ${s.queue}: ${why}, and the queue has no message path`);
  return fallback(s, why);
}

/** How many people (not the app) are in the caller's call now. */
const people = (ctl: Ctl) => ctl.call.participants.filter((p) => !p.isSelf && !p.isInLobby).length;

/** Events of the caller's call once an agent answered (events of other calls are the rings'). */
export function onConnectedEvent(
  deps: RingDeps,
  s: QueueState,
  ctl: Ctl,
  q: QueueConfig,
  event: FlowEvent,
  fallback: Fallback,
): QueueState {
  switch (event.type) {
    case 'done':
      return connectedDone(deps, s, ctl, q, event, fallback);
    case 'custom':
      // One of the two left a group call the app is still in: the app leaves too, which ends it.
      if (event.name === 'left' && s.phase === 'connected' && people(ctl) < 2) {
        ctl.note(`queue ${s.queue}: one side left; the app ends the call`);
        ctl.spawn('end', hangUpRingTask(deps.calling, ctl.callId, ctl.log));
      }
      return s;
    case 'resume':
      if (event.lostTasks.includes('end'))
        ctl.spawn('end', hangUpRingTask(deps.calling, ctl.callId, ctl.log));
      return resumeRing(deps, s, ctl, q, event.lostTasks);
    case 'terminated': {
      const agentId = s.agent?.agentId;
      if (agentId !== undefined) ctl.spawn('agentDone', agentDoneTask(deps, s.queue, agentId, ctl.now));
      ctl.note(`queue ${s.queue}: the call with agent ${agentId ?? 'unknown'} ended`);
      return { ...s, phase: 'done' };
    }
    default:
      return s;
  }
}
