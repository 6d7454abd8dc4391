// The IVR's background work: each function returns what a task runs outside the flow's lock; its
// outcome comes back to the IVR as a `done` event.
import type { CallingApi, Party, RecordingResult } from '../../core';
import { analyseRecording, type AnalyseDeps, type RecordingBranch } from '../analysis';
import { hangUpResending, latestOperation, partyOfIdentity, resending } from '../runtime';
import type { TextPrompts } from '../tts';
import type { PromptRef, RecordSpec } from './menu-schema';
import type { NotificationCard, Notifier } from './notifier';

interface WarnLog {
  warn(obj: object, msg?: string): void;
}

/** Prompt references as the calling service takes them: names, URLs, and text made into URLs. */
export async function promptUrls(
  refs: readonly PromptRef[],
  tts: TextPrompts | undefined,
): Promise<string[]> {
  const out: string[] = [];
  for (const ref of refs) {
    if (typeof ref === 'string') out.push(ref);
    else if (!tts)
      throw new Error('a "say" prompt needs a text-to-speech synthesizer, and none is configured');
    else out.push(await tts.url(ref.say, ref.voice ? { voice: ref.voice } : {}));
  }
  return out;
}

/** Asks for key presses; a transient failure is sent again (subscribing twice changes nothing). */
export function tonesTask(calling: CallingApi, callId: string): () => Promise<void> {
  return () => resending(() => calling.subscribeToTone(callId).then(() => undefined));
}

/** Hangs up; a transient failure is sent again (hanging up twice changes nothing). */
export function hangUpTask(calling: CallingApi, callId: string): () => Promise<void> {
  return () => hangUpResending(calling, callId);
}

// How long a prompt waits for the media queue to be cleared before it: a lost completion must not
// hold the prompt up for the whole operation timeout.
const CLEAR_WAIT_MS = 10_000;
// How long a prompt waits for a transfer in progress to end (the call back in established).
const TRANSFER_SETTLE_MS = 15_000;

/**
 * Graph plays nothing on a call that is being transferred: after a failed transfer, waits until the
 * call is back (its failure may still be on the way). A function of its own so that the call's model
 * is not kept in the prompt task's frame for as long as the prompt plays.
 */
async function transferSettled(calling: CallingApi, callId: string): Promise<void> {
  const call = await calling.getCall(callId);
  if (call?.state === 'transferring' || call?.state === 'transferAccepted')
    await calling.waitForState(callId, ['established', 'hold', 'terminated'], TRANSFER_SETTLE_MS);
}

/** Plays prompts; after a restart the media queue is cleared first so nothing plays twice. */
export function promptTask(
  calling: CallingApi,
  callId: string,
  refs: readonly PromptRef[],
  tts: TextPrompts | undefined,
  opts: { clearFirst?: boolean; log: WarnLog },
): () => Promise<void> {
  return async () => {
    const urls = await promptUrls(refs, tts);
    await transferSettled(calling, callId);
    if (opts.clearFirst) {
      await calling
        .cancelMedia(callId, { timeoutMs: CLEAR_WAIT_MS })
        .catch((err: unknown) => opts.log.warn({ err }, 'could not clear media'));
    }
    if (urls.length > 0) await calling.playPrompt(callId, urls);
  };
}

/** Records, then fetches, analyses and forgets the recording; only the branch comes back. */
export function recordTask(
  calling: CallingApi,
  callId: string,
  spec: RecordSpec,
  deps: AnalyseDeps,
  resumeSince?: number,
): () => Promise<{ branch: RecordingBranch; why: string }> {
  return async () => {
    let result: RecordingResult | undefined;
    if (resumeSince !== undefined) {
      // The app restarted while recording: use the recording that was started, if there is one.
      const op = await latestOperation(calling, callId, 'record', resumeSince);
      const done =
        op && op.status !== 'completed' && op.status !== 'failed'
          ? await calling.waitForOperation(op.id)
          : op;
      if (done?.status === 'completed') {
        const r = done.resource ?? {};
        const str = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : undefined);
        const location = str('recordingLocation');
        const token = str('recordingAccessToken');
        result = {
          operation: done,
          ...(location ? { recordingLocation: location } : {}),
          ...(token ? { recordingAccessToken: token } : {}),
        };
      }
    }
    result ??= await calling.record(callId, {
      ...(spec.prompt ? { prompt: spec.prompt } : {}),
      maxRecordDurationInSeconds: spec.maxSeconds,
      initialSilenceTimeoutInSeconds: spec.initialSilenceSeconds,
      maxSilenceTimeoutInSeconds: spec.maxSilenceSeconds,
      playBeep: spec.playBeep,
      stopTones: spec.stopTones,
    });
    return analyseRecording(callId, result, deps);
  };
}

/** Moves the caller into a meeting: the app joins it, invites the caller replacing their call, and leaves. */
export function meetingTask(
  calling: CallingApi,
  callId: string,
  joinUrl: string,
  opts: { stay: boolean; log: WarnLog },
): () => Promise<string> {
  return async () => {
    const call = await calling.getCall(callId);
    const caller = call && partyOfIdentity(call.source);
    if (!caller) throw new Error('the caller has no identity the meeting can invite');
    const meeting = await calling.joinMeeting(joinUrl, { scenarioId: 'ivr-meeting' });
    // Leaving twice changes nothing, and an app that fails to leave stays in the meeting with nothing
    // driving its call, so a transient failure is sent again.
    const leave = () => hangUpResending(calling, meeting.id);
    try {
      await joined(calling, meeting.id);
      await calling.participants.invite(meeting.id, [caller], { replacesCallId: callId });
    } catch (err) {
      await leave().catch((e: unknown) => opts.log.warn({ err: e }, 'could not leave the meeting'));
      throw err;
    }
    // The caller is in the meeting now: failing to leave it is the app's problem, not a failed move.
    if (!opts.stay)
      await leave().catch((e: unknown) =>
        opts.log.warn(
          { err: e, callId: meeting.id },
          'could not leave the meeting after moving the caller in',
        ),
      );
    return meeting.id;
  };
}

// A meeting join is established within a few seconds. If that notification was lost, the app would
// wait out the whole join time while Graph already has the call established and the caller hears
// nothing; so after the first wait the app asks Graph (the answer is processed like a notification).
const JOIN_CHECK_MS = 5_000;
const JOIN_WAIT_MS = 30_000;

async function joined(calling: CallingApi, meetingId: string): Promise<void> {
  try {
    await calling.waitForState(meetingId, 'established', JOIN_CHECK_MS);
  } catch {
    if ((await calling.refresh(meetingId)) === 'established') return;
    await calling.waitForState(meetingId, 'established', JOIN_WAIT_MS - JOIN_CHECK_MS);
  }
}

/** Transfers the call to someone. */
export function transferTask(calling: CallingApi, callId: string, party: Party): () => Promise<void> {
  return async () => {
    await calling.transfer(callId, party);
  };
}

/** Posts a notification card. */
export function notifyTask(notifier: Notifier, target: string, card: NotificationCard): () => Promise<void> {
  return () => notifier.postCard(target, card);
}
