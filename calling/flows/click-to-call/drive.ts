// The call to A once answered: say who they are being connected to, transfer them to B, report. Each
// step is saved in the call's flow JSON first, so a resumed call carries on; a transfer already sent is
// waited for rather than sent twice. The call's lock keeps two instances from driving it at once.
import { StoreLockTimeoutError } from '../../../store';
import { CallOperationError, type OperationView } from '../../core';
import { describeTarget, partyOf } from '../reminders';
import { getRecord, updateRecord, type ConnectContext } from './context';
import { finishConnect } from './finish';
import type { ClickToCallFlow, ConnectRecord } from './types';

/** The flow JSON of a click-to-call, or undefined for any other call. */
export function readConnectFlow(flow: unknown): ClickToCallFlow | undefined {
  if (typeof flow !== 'object' || flow === null) return undefined;
  const f = flow as Partial<ClickToCallFlow>;
  return f.kind === 'click-to-call' && typeof f.connectId === 'string' ? (f as ClickToCallFlow) : undefined;
}

/** A prompt saying the text, or the fallback prompts without text to speech (or when it fails). */
export async function say(ctx: ConnectContext, text: string, fallback: readonly string[]): Promise<string[]> {
  if (!ctx.voice) return [...fallback];
  try {
    return [await ctx.voice.url(text)];
  } catch (err) {
    ctx.logger.warn({ err }, 'text to speech failed; playing the stand-in prompt');
    return [...fallback];
  }
}

/** What A hears before the transfer. */
export const announcement = (r: ConnectRecord) => `Connecting you to ${describeTarget(r.b)}.`;

/** Transfers A to B, or waits for a transfer an earlier run already sent. */
async function transferOnce(ctx: ConnectContext, callId: string, r: ConnectRecord): Promise<OperationView> {
  const sent = (await ctx.calling.operations(callId)).filter((o) => o.kind === 'transfer').at(-1);
  if (sent) return ctx.calling.waitForOperation(sent.id, ctx.timing.transferTimeoutMs);
  await updateRecord(ctx, r.id, (cur) =>
    cur.status === 'done' ? undefined : { ...cur, status: 'transferring' },
  );
  return ctx.calling.transfer(callId, partyOf(r.b), { timeoutMs: ctx.timing.transferTimeoutMs });
}

/** The transfer step; resolves when the click-to-call has its result. */
async function transferStep(ctx: ConnectContext, callId: string, r: ConnectRecord): Promise<void> {
  const [a, b] = [describeTarget(r.a), describeTarget(r.b)];
  try {
    await transferOnce(ctx, callId, r);
  } catch (err) {
    if (!(err instanceof CallOperationError) || err.code === 'call_ended' || err.code === 'call_not_found')
      throw err;
    const info = err.resultInfo ? ` (${err.resultInfo.code}/${err.resultInfo.subcode})` : '';
    await finishConnect(ctx, r.id, 'transfer-failed', `${b} could not be reached${info}: ${err.message}`);
    // A is still on the line: say so and end the call.
    await ctx.calling.playPrompt(
      callId,
      await say(ctx, `Sorry, ${b} could not be reached. Goodbye.`, ['goodbye']),
    );
    await ctx.calling.hangUp(callId);
    return;
  }
  await finishConnect(ctx, r.id, 'connected', `${a} was put through to ${b}`);
}

/**
 * Drives the call to A from its saved position. Returns quietly when it is not a click-to-call, is
 * still ringing, has ended, or another instance is driving it.
 */
export async function driveConnect(ctx: ConnectContext, callId: string): Promise<void> {
  try {
    await ctx.store.locks.withLock(
      `click-to-call:${callId}`,
      async () => {
        for (;;) {
          const call = await ctx.calling.getCall(callId);
          const flow = call && readConnectFlow(call.flow);
          if (!call || !flow || call.state === 'terminated') return;
          if (flow.step === 'ringing' && call.state !== 'established') return;
          const r = await getRecord(ctx, flow.connectId);
          if (!r || r.status === 'done') return;
          if (flow.step === 'ringing') {
            await updateRecord(ctx, r.id, (cur) =>
              cur.status === 'calling' ? { ...cur, status: 'announcing', answeredAt: ctx.now() } : undefined,
            );
            await ctx.calling.saveFlow(callId, { ...flow, step: 'announcing' }, 'click-to-call: announcing');
          } else if (flow.step === 'announcing') {
            await ctx.calling.playPrompt(callId, await say(ctx, announcement(r), ['connecting']));
            await ctx.calling.saveFlow(
              callId,
              { ...flow, step: 'transferring' },
              'click-to-call: transferring',
            );
          } else {
            await transferStep(ctx, callId, r);
            return;
          }
        }
      },
      { waitMs: 5000, leaseMs: 30_000 },
    );
  } catch (err) {
    if (err instanceof StoreLockTimeoutError) return;
    if (err instanceof CallOperationError && (err.code === 'call_ended' || err.code === 'call_not_found'))
      return;
    throw err;
  }
}
