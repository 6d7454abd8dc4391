// What A hears: who they are being connected to, or that B could not be reached, as text prompts
// (the stand-in prompts when there is no text to speech or it fails).
import { describeTarget } from '../reminders';
import type { ConnectContext } from './context';
import type { ConnectRecord } from './types';

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

/** What A hears when B was not put through, given what B did (e.g. "Isaiah Langer declined the call"). */
export const apology = (what: string) => `Sorry, ${what}. Goodbye.`;
