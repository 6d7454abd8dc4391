// Which failures the IVR sends again, and how soon. The Graph client repeats only what cannot act twice
// (429 and 503, which say the request was not processed, and idempotent requests): it cannot know that
// a second copy of a prompt is harmless while a second transfer is not. The IVR knows what the caller
// hears, so it decides here: a prompt or a tone subscription that failed with a 5xx, a timeout, a lost
// connection or a lost completion is sent again (a prompt after clearing the media queue, so it is never
// heard twice), a few times, with a short backoff. Transfers, redirects and meeting moves are not: their
// failure takes the menu's onFail path instead. The classification is the flow runtime's, shared with
// every flow's hang-up.
export { callIsOver, isTransient, MAX_RESENDS, resendDelayMs } from '../runtime';
