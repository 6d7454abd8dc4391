// Answering an incoming call for the IVR, including one answered before a restart or a take-over.
import type { CallingApi } from '../../core';
import { isCallingError } from '../../errors';
import { isTransient, MAX_RESENDS, resendDelayMs } from './ivr-retry';

/**
 * Answers the call if it still rings. When the answer's outcome is unknown (a 5xx or a timeout, or no
 * `established` in time), Graph's own view decides: answered, it waits for that to be processed;
 * still ringing, it answers again. An answer refused because the call no longer rings is a success
 * when Graph has the call established or establishing.
 */
export function answerTask(calling: CallingApi, callId: string): () => Promise<void> {
  return async () => {
    for (let attempt = 0; ; attempt += 1) {
      const call = await calling.getCall(callId);
      // Answered already (by an instance that died before it saw the call connect): key detection and
      // the menu wait for the connection, as they do after an answer of ours.
      if (call?.state === 'establishing') {
        await calling.waitForState(callId, ['established', 'terminated'], CONNECT_WAIT_MS);
        return;
      }
      if (call?.state !== 'incoming') return;
      try {
        await calling.answer(callId);
        return;
      } catch (err) {
        // Graph refuses to answer a call that is no longer ringing: one an instance answered before it
        // died (its notifications lost with it) is answered, and only Graph's own view can tell.
        if (isInvalidCallState(err)) {
          const state = await calling.refresh(callId);
          if (state !== 'establishing' && state !== 'established') throw err;
          await calling.waitForState(callId, ['established', 'terminated'], CONNECT_WAIT_MS);
          return;
        }
        if (!isTransient(err) || attempt >= MAX_RESENDS) throw err;
        const state = await calling.refresh(callId);
        if (state === 'establishing' || state === 'established') {
          await calling.waitForState(callId, ['established', 'terminated'], ANSWER_CHECK_MS);
          return;
        }
        if (state !== 'incoming') throw err;
        await new Promise((r) => setTimeout(r, resendDelayMs(attempt + 1)));
      }
    }
  };
}

function isInvalidCallState(err: unknown): boolean {
  return isCallingError(err) && err.status === 400 && err.graphCode === 'InvalidCallState';
}

// How long Graph's view of a call whose answer went unconfirmed may take to be processed.
const ANSWER_CHECK_MS = 10_000;
// How long a call answered before a take-over may take to connect.
const CONNECT_WAIT_MS = 30_000;
