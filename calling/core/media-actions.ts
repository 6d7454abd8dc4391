// Prompts, recordings, tones and self-mute: each an awaitable operation (SPEC §3.9, §3.10).
import { graphCtx, LIVE, type CoreContext } from './context';
import { CallOperationError } from './errors';
import { withResourceIds } from './prompt-resource-ids';
import { mediaPrompts } from './requests';
import { runOperation } from './run-operation';
import { tonesOf } from './tones';
import type { OperationView } from './views';

export interface OpOptions {
  readonly timeoutMs?: number;
}

/** Plays prompts (names from the prompt set, or URLs) in order; resolves when they finished. */
export function playPrompt(
  ctx: CoreContext,
  callId: string,
  prompts: string | readonly string[],
  opts: OpOptions = {},
): Promise<OperationView> {
  const list = typeof prompts === 'string' ? [prompts] : prompts;
  const built = mediaPrompts(list, ctx.promptsBaseUrl);
  return runOperation(
    ctx,
    callId,
    'playPrompt',
    async (call, clientContext) => {
      const prompts = await withResourceIds(ctx, built);
      return ctx.graph.playPrompt(call.wireId, { prompts, clientContext }, graphCtx(call, clientContext));
    },
    { states: LIVE, ...opts },
  );
}

export interface RecordOptions extends OpOptions {
  /** A prompt played before recording. */
  readonly prompt?: string;
  readonly maxRecordDurationInSeconds?: number;
  readonly initialSilenceTimeoutInSeconds?: number;
  readonly maxSilenceTimeoutInSeconds?: number;
  readonly playBeep?: boolean;
  /** Keys that stop the recording, e.g. '#'. */
  readonly stopTones?: string;
  readonly bargeInAllowed?: boolean;
}

export interface RecordingResult {
  readonly operation: OperationView;
  /** Where to GET the audio (with the access token); empty when nothing was recorded. */
  readonly recordingLocation?: string;
  readonly recordingAccessToken?: string;
  readonly completionReason?: string;
}

const seconds = (v: number | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  if (!Number.isInteger(v) || v < 1 || v > 120) {
    throw new CallOperationError(
      'invalid_request',
      `${name} must be a whole number of seconds from 1 to 120.`,
    );
  }
  return v;
};

/** Records a short response (at most 2 minutes); resolves with where to fetch it. */
export async function record(
  ctx: CoreContext,
  callId: string,
  opts: RecordOptions = {},
): Promise<RecordingResult> {
  const body: Record<string, unknown> = {};
  const prompts = opts.prompt ? mediaPrompts([opts.prompt], ctx.promptsBaseUrl) : undefined;
  const max = seconds(opts.maxRecordDurationInSeconds, 'maxRecordDurationInSeconds');
  const initial = seconds(opts.initialSilenceTimeoutInSeconds, 'initialSilenceTimeoutInSeconds');
  const silence = seconds(opts.maxSilenceTimeoutInSeconds, 'maxSilenceTimeoutInSeconds');
  if (max !== undefined) body['maxRecordDurationInSeconds'] = max;
  if (initial !== undefined) body['initialSilenceTimeoutInSeconds'] = initial;
  if (silence !== undefined) body['maxSilenceTimeoutInSeconds'] = silence;
  if (opts.playBeep !== undefined) body['playBeep'] = opts.playBeep;
  if (opts.bargeInAllowed !== undefined) body['bargeInAllowed'] = opts.bargeInAllowed;
  if (opts.stopTones) body['stopTones'] = [...opts.stopTones];
  // Long enough for the prompt, the silence allowance and the longest recording.
  const timeoutMs = opts.timeoutMs ?? ((max ?? 5) + (initial ?? 5) + 60) * 1000;
  const operation = await runOperation(
    ctx,
    callId,
    'record',
    async (call, clientContext) => {
      const request = prompts ? { ...body, prompts: await withResourceIds(ctx, prompts) } : body;
      return ctx.graph.recordResponse(
        call.wireId,
        { ...request, clientContext },
        graphCtx(call, clientContext),
      );
    },
    { states: LIVE, timeoutMs },
  );
  const r = operation.resource ?? {};
  const str = (k: string) => (typeof r[k] === 'string' && r[k] !== '' ? (r[k] as string) : undefined);
  const location = str('recordingLocation');
  const token = str('recordingAccessToken');
  const reason = str('completionReason');
  return {
    operation,
    ...(location ? { recordingLocation: location } : {}),
    ...(token ? { recordingAccessToken: token } : {}),
    ...(reason ? { completionReason: reason } : {}),
  };
}

/** Asks Graph to report key presses as `tone` events. */
export function subscribeToTone(
  ctx: CoreContext,
  callId: string,
  opts: OpOptions = {},
): Promise<OperationView> {
  return runOperation(
    ctx,
    callId,
    'subscribeToTone',
    (call, clientContext) =>
      ctx.graph.subscribeToTone(call.wireId, { clientContext }, graphCtx(call, clientContext)),
    { states: LIVE, ...opts },
  );
}

/** Sends DTMF keys such as '12#' into the call. */
export function sendTones(
  ctx: CoreContext,
  callId: string,
  keys: string,
  opts: OpOptions & { delayBetweenTonesMs?: number } = {},
): Promise<OperationView> {
  const tones = tonesOf(keys);
  if (tones.length === 0) throw new CallOperationError('invalid_request', 'Give at least one key to send.');
  return runOperation(
    ctx,
    callId,
    'sendDtmfTones',
    (call, clientContext) =>
      ctx.graph.sendDtmfTones(
        call.wireId,
        {
          tones,
          clientContext,
          ...(opts.delayBetweenTonesMs ? { delayBetweenTonesMs: opts.delayBetweenTonesMs } : {}),
        },
        graphCtx(call, clientContext),
      ),
    { states: LIVE, ...opts },
  );
}

/** Cancels the running and queued prompts and recordings (they fail with 400/8508). */
export function cancelMedia(ctx: CoreContext, callId: string, opts: OpOptions = {}): Promise<OperationView> {
  return runOperation(
    ctx,
    callId,
    'cancelMediaProcessing',
    (call, clientContext) =>
      ctx.graph.cancelMediaProcessing(call.wireId, { clientContext }, graphCtx(call, clientContext)),
    { states: LIVE, ...opts },
  );
}

/** Mutes (or unmutes) this app in a group call. */
export function setSelfMuted(
  ctx: CoreContext,
  callId: string,
  muted: boolean,
  opts: OpOptions = {},
): Promise<OperationView> {
  return runOperation(
    ctx,
    callId,
    muted ? 'mute' : 'unmute',
    (call, clientContext) =>
      (muted ? ctx.graph.mute : ctx.graph.unmute).call(
        ctx.graph,
        call.wireId,
        { clientContext },
        graphCtx(call, clientContext),
      ),
    { states: LIVE, ...opts },
  );
}
