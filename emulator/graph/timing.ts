// Delays of the emulated service's own steps (not people's): short, so tests run fast, but never zero,
// so that an HTTP response always leaves before the notifications it causes.

/** From an accepted request to its first notification. */
export const FIRST_NOTIFICATION_MS = 50;
/** From `establishing` to `established` when no person has to pick up (group calls, meetings, answer). */
export const ESTABLISH_MS = 300;
/** From hang-up (DELETE) to `terminated`. */
export const TERMINATE_MS = 100;
/** How long the service takes to find out a target does not exist. */
export const NOT_FOUND_MS = 300;
/** One DTMF tone sent by the app (plus delayBetweenTonesMs between tones). */
export const DTMF_TONE_MS = 100;
/** How long starting or stopping hold music takes. */
export const HOLD_MUSIC_MS = 200;
/** The 45-minute keepAlive rule. */
export const KEEPALIVE_WINDOW_MS = 45 * 60 * 1000;
