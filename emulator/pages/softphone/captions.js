// Prompt captions from a call's timeline: what the emulator plays to the person, in the words each prompt
// says, with the audio's duration, and how it ended.

/** The media operation ended by a cancellation (cancelMediaProcessing or a barge-in recording). */
const CANCELLED = 8508;

/**
 * The captions of a call, oldest first: { opId, prompts: [{ text, durationMs, audio }], durationMs,
 * playMs, forRecording, status, key?, reason? } where status is playing, played, interrupted (with the
 * key pressed while it played, when one was), failed or stopped (the call ended first).
 */
export function captionsOf(entries, promptSpeed = 1) {
  const opTypes = new Map();
  const byOp = new Map();
  const list = [];
  let lastKey;
  const settle = (opId, status) => {
    const caption = byOp.get(opId);
    if (!caption || caption.status !== 'playing') return;
    caption.status = status;
    if (status === 'interrupted' && lastKey && lastKey.t >= caption.startedAt) caption.key = lastKey.key;
  };
  for (const e of entries) {
    if (e.kind === 'person' && e.event === 'key') lastKey = { key: e.key, t: e.t ?? 0 };
    if (e.kind === 'operation' && e.status === 'running') opTypes.set(e.operationId, e.type);
    if (e.kind === 'media' && e.event === 'prompt-playing') {
      const caption = {
        opId: e.operationId,
        prompts: e.prompts ?? [],
        durationMs: e.durationMs,
        playMs: e.durationMs / (promptSpeed || 1),
        forRecording: /record/i.test(opTypes.get(e.operationId) ?? ''),
        status: 'playing',
        startedAt: e.t ?? 0,
      };
      byOp.set(e.operationId, caption);
      list.push(caption);
    } else if (e.kind === 'media' && e.event === 'prompt-failed') {
      list.push({
        opId: e.operationId,
        prompts: [],
        durationMs: 0,
        playMs: 0,
        reason: e.reason,
        status: 'failed',
      });
    } else if (e.kind === 'media' && e.event === 'record-listening') {
      // The prompt before a recording is over once the recording listens.
      settle(e.operationId, 'played');
    } else if (e.kind === 'media' && e.event === 'cancel-all') {
      for (const id of e.cancelled ?? []) settle(id, 'interrupted');
    } else if (e.kind === 'operation' && (e.status === 'completed' || e.status === 'failed')) {
      const cancelled = e.resultInfo?.subcode === CANCELLED;
      settle(e.operationId, cancelled ? 'interrupted' : e.status === 'failed' ? 'failed' : 'played');
    } else if (e.kind === 'state' && e.to === 'terminated') {
      for (const caption of list) if (caption.status === 'playing') caption.status = 'stopped';
    }
  }
  return list;
}

const KEY_NAMES = { '*': 'star', '#': 'pound' };

/** How a caption ended, in words: "interrupted by 1", "played", "the call ended first"... */
export function captionStatus(caption) {
  switch (caption.status) {
    case 'interrupted':
      return caption.key
        ? `interrupted by ${KEY_NAMES[caption.key] ? `${caption.key} (${KEY_NAMES[caption.key]})` : caption.key}`
        : 'interrupted';
    case 'stopped':
      return 'the call ended first';
    case 'failed':
      return 'could not play';
    default:
      return caption.status;
  }
}

/** What a caption's prompts say, in order. */
export const captionText = (caption) =>
  caption.prompts.map((p) => p.text).join(' ') || caption.reason || 'A prompt';
