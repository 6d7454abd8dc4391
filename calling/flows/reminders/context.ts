// What the reminder flow works with: the part of the calling service it uses, speech, timings, prompts.
import type { CallingApi } from '../../core';

/** The part of the calling service the reminder flow's tasks use (a fake can stand in for it in tests). */
export type FlowCalling = Pick<
  CallingApi,
  'placeCall' | 'playPrompt' | 'subscribeToTone' | 'hangUp' | 'getCall'
>;

/** Text to speech: the URL of a prompt that says the text (the text prompts of calling/flows/tts fit). */
export interface Voice {
  url(text: string): Promise<string>;
}

/** Timings in milliseconds; every one has a default for production. */
export interface ReminderTiming {
  /** A call still ringing this long after it was placed is hung up and counts as no answer (default 90 s). */
  readonly ringTimeoutMs: number;
  /** How long the person has to press 1 after the message (default 10 s). */
  readonly confirmWaitMs: number;
}

export const DEFAULT_REMINDER_TIMING: ReminderTiming = {
  ringTimeoutMs: 90_000,
  confirmWaitMs: 10_000,
};

/** Prompts used when no voice is configured (see README: the limitation without text to speech). */
export const FALLBACK_PROMPTS = {
  /** Stands for the message when the reminder names no prompts. */
  message: ['welcome'],
  /** A cue before the wait for the confirmation key. */
  confirmCue: ['beep'],
  closing: ['goodbye'],
} as const;

/** The scenario id of reminder calls. */
export const REMINDER_SCENARIO = 'reminder';
