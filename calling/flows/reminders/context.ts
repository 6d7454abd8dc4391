// What the parts of the reminder runner share: the book, the calling service, the notifier, timings.
import type { CallingApi, CoreLogger } from '../../core';
import type { Notifier } from '../notify';
import type { ReminderBook } from './book';

/** The part of the calling service a flow uses (a fake can stand in for it in tests). */
export type FlowCalling = Pick<
  CallingApi,
  'placeCall' | 'playPrompt' | 'subscribeToTone' | 'hangUp' | 'getCall' | 'saveFlow' | 'timeline' | 'on'
>;

/** Text to speech: the URL of a prompt that says the text (the text prompts of calling/flows/tts fit). */
export interface Voice {
  url(text: string): Promise<string>;
}

/** Timings in milliseconds; every one has a default for production. */
export interface ReminderTiming {
  /** How often due reminders are claimed (default 2 s). */
  readonly pollMs: number;
  /** A call still ringing this long after it was placed is hung up and counts as no answer (default 90 s). */
  readonly ringTimeoutMs: number;
  /** How often a reminder whose call is under way is checked, in case an event was missed (default 15 s). */
  readonly checkIntervalMs: number;
  /** How long the person has to press 1 after the message (default 10 s). */
  readonly confirmWaitMs: number;
  /** An attempt left "placing" this long belonged to an instance that stopped mid-way (default 2 min). */
  readonly placingStaleMs: number;
}

export const DEFAULT_REMINDER_TIMING: ReminderTiming = {
  pollMs: 2000,
  ringTimeoutMs: 90_000,
  checkIntervalMs: 15_000,
  confirmWaitMs: 10_000,
  placingStaleMs: 120_000,
};

/** Prompts used when no voice is configured (see README: the limitation without text to speech). */
export const FALLBACK_PROMPTS = {
  /** Stands for the message when the reminder names no prompts. */
  message: ['welcome'],
  /** A cue before the wait for the confirmation key. */
  confirmCue: ['beep'],
  closing: ['goodbye'],
} as const;

export interface ReminderContext {
  readonly book: ReminderBook;
  readonly calling: FlowCalling;
  readonly notifier?: Notifier;
  /** The chat notices go to when a reminder names none (a conversation id). */
  readonly notifyTarget?: string;
  readonly voice?: Voice;
  readonly logger: CoreLogger;
  readonly timing: ReminderTiming;
  /** This instance, as recorded in the attempts it places. */
  readonly owner: string;
}

/** The scenario id of reminder calls (the flow JSON says which reminder and attempt). */
export const REMINDER_SCENARIO = 'reminder';
