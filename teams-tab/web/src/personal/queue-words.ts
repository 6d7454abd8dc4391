// The words of a queue board, as the chat's queue card says them (pure, so they are tested alone).
import type { QueueBoard } from '../types';

type AgentState = QueueBoard['agents'][number]['state'];

const STATE: Record<AgentState, string> = {
  idle: 'free',
  ringing: 'ringing',
  onCall: 'on a call',
  signedOut: 'signed out',
};

export function agentStateWords(state: AgentState): string {
  return STATE[state] ?? state;
}

/** "2 min 05 s", "1 h 02 min", "12 s": the chat card's format. */
export function durationWords(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}

/** A wait as of `now`: the board counted it to its own `at`, and the page keeps counting. */
export function waitedNow(board: Pick<QueueBoard, 'at'>, waitedMs: number, now: number): number {
  return waitedMs + Math.max(0, now - Date.parse(board.at));
}

/** "3 waiting · longest wait 2 min 05 s", or that nobody waits. */
export function waitingLine(board: QueueBoard, now: number): string {
  if (board.callers.length === 0) return 'Nobody is waiting';
  const longest =
    board.longestWaitMs === undefined
      ? ''
      : ` · longest wait ${durationWords(waitedNow(board, board.longestWaitMs, now))}`;
  return `${board.callers.length} waiting${longest}`;
}
