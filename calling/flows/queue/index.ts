// Call queues: callers wait on hold music for the first free agent whose Teams presence is Available.
export { checkQueues, loadQueues } from './load-queues';
export {
  agentSchema,
  afterMaxWaitSchema,
  PICK_POLICIES,
  queueSchema,
  queuesFileSchema,
  type AfterMaxWait,
  type Agent,
  type PickPolicy,
  type QueueConfig,
  type QueuesFile,
} from './queue-schema';
export { agentIds, createAvailability, type Availability, type PresenceReader } from './agents';
export {
  DEFAULT_HANDLE_MS,
  estimateWaitMs,
  positionAnnouncement,
  waitedInWords,
  waitInWords,
} from './announce';
export { createQueueFlow, type QueueFlowDeps } from './queue-flow';
export { initialQueueState, QUEUE_FLOW, type QueuePhase, type QueueState } from './queue-state';
export { HOLD_MUSIC_PROMPT } from './queue-tasks';
export { messageMenu, transferMenu, THANKS_TEXT, QUEUE_PUT_THROUGH_TEXT } from './message-path';
export { registerQueues, type EnterQueue } from './register';
export {
  createAgentPresence,
  PRESENCE_SUBSCRIPTION_LIMIT,
  type AgentPresence,
  type PresenceChanges,
} from './agent-presence';
export {
  computeBoard,
  createQueueBoards,
  namedAgents,
  UNKNOWN_CALLER,
  type BoardAgent,
  type BoardAgentState,
  type BoardCaller,
  type BoardInput,
  type BoardPresenceReader,
  type QueueBoard,
  type QueueBoards,
} from './board';
export { boardContent, watchBoards, type BoardWatch } from './board-watch';
export { cachedPresence } from './board-presence';
export { agentRungNotice, notifyAgentRung, type RingNoticeDeps } from './ring-notice';
