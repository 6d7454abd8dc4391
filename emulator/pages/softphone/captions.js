// Prompt captions from a call's timeline: what the emulator plays to the person, file by file, with the
// audio's duration, and whether it is still playing.
import { fileName } from './format.js';

/**
 * The captions of a call, oldest first: { opId, files, durationMs, playMs, status } where status is
 * playing, played, cancelled, failed or stopped (the call ended first).
 */
export function captionsOf(entries, promptSpeed = 1) {
  const opTypes = new Map();
  const byOp = new Map();
  const list = [];
  const settle = (opId, status) => {
    const caption = byOp.get(opId);
    if (caption && caption.status === 'playing') caption.status = status;
  };
  for (const e of entries) {
    if (e.kind === 'operation' && e.status === 'running') opTypes.set(e.operationId, e.type);
    if (e.kind === 'media' && e.event === 'prompt-playing') {
      const caption = {
        opId: e.operationId,
        files: (e.uris ?? []).map(fileName),
        durationMs: e.durationMs,
        playMs: e.durationMs / (promptSpeed || 1),
        forRecording: /record/i.test(opTypes.get(e.operationId) ?? ''),
        status: 'playing',
      };
      byOp.set(e.operationId, caption);
      list.push(caption);
    } else if (e.kind === 'media' && e.event === 'prompt-failed') {
      list.push({
        opId: e.operationId,
        files: [],
        durationMs: 0,
        playMs: 0,
        reason: e.reason,
        status: 'failed',
      });
    } else if (e.kind === 'media' && e.event === 'record-listening') {
      // The prompt before a recording is over once the recording listens.
      settle(e.operationId, 'played');
    } else if (e.kind === 'media' && e.event === 'cancel-all') {
      for (const id of e.cancelled ?? []) settle(id, 'cancelled');
    } else if (e.kind === 'operation' && (e.status === 'completed' || e.status === 'failed')) {
      const cancelled = e.resultInfo?.subcode === 8508;
      settle(e.operationId, e.status === 'failed' ? 'failed' : cancelled ? 'cancelled' : 'played');
    } else if (e.kind === 'state' && e.to === 'terminated') {
      for (const caption of list) if (caption.status === 'playing') caption.status = 'stopped';
    }
  }
  return list;
}
