// One catalogue of how calls end (and how an invitation fails): Graph's resultInfo code pairs (SPEC §2.3)
// mapped to one outcome each, and the words every surface uses for it. Chat cards, the tab, flows and
// the timeline say "declined" for the same code pair because they all ask this file.
import type { ResultInfo } from '../types';

/** How a call (or one person's part in it) ended. */
export type CallOutcome =
  /** It ended normally (the conversation ended, everyone left). */
  | 'completed'
  /** The other side hung up. */
  | 'hungUp'
  | 'declined'
  | 'busy'
  | 'noAnswer'
  /** Nobody could be found to ring (no endpoints, not in the tenant, private calls off). */
  | 'unreachable'
  /** Handed over to someone else (the app's leg ends). */
  | 'transferred'
  | 'redirected'
  /** The app hung up (a person pressed Hang up, or a flow ended the call). */
  | 'endedByApp'
  /** Removed from the call by another participant, or from the lobby. */
  | 'removed'
  /** Not acknowledged or answered within the platform's time. */
  | 'timedOut'
  /** No keep-alive for 45 minutes: Graph cleaned the call up. */
  | 'inactive'
  /** The app is not allowed to call in this tenant (licensing, admin consent: 7504/7505). */
  | 'notSetUp'
  /** Graph no longer knows the call (it answered 404). */
  | 'gone'
  | 'failed';

const BY_CODE: Readonly<Record<string, CallOutcome>> = {
  '200/4097': 'hungUp',
  '200/4521': 'hungUp',
  '200/5000': 'removed',
  '200/5001': 'completed',
  '200/5002': 'completed',
  '200/5003': 'completed',
  '200/5007': 'completed',
  '200/5010': 'completed',
  '200/5012': 'completed',
  // Nobody else ever joined the group call: nobody answered.
  '200/5013': 'noAnswer',
  '200/5014': 'failed',
  '200/5020': 'completed',
  '200/5030': 'completed',
  '200/5300': 'removed',
  '200/5855': 'removed',
  '200/7000': 'endedByApp',
  '200/7015': 'transferred',
  '0/7015': 'transferred',
  '200/10550': 'endedByApp',
  '200/18503': 'hungUp',
  '200/540000': 'hungUp',
  '200/560000': 'hungUp',
  '408/8537': 'inactive',
  '408/1106': 'timedOut',
  '408/10057': 'noAnswer',
  '410/301005': 'failed',
  '480/10037': 'unreachable',
  // SPEC §2.3 documents 10076 as "callee unreachable"; a callee already in a call is reported with it
  // (the emulator does so for a busy person), and reminders have always counted it as busy.
  '480/10076': 'busy',
  // Documented as "rejected – call could not be routed": the callee rejected the call.
  '480/10134': 'declined',
  '480/10199': 'unreachable',
  '500/1005': 'failed',
};

// SIP's own answers, which Graph's codes follow: 486 Busy Here, 603 Decline.
const BY_STATUS: Readonly<Record<number, CallOutcome>> = { 486: 'busy', 603: 'declined', 600: 'busy' };

// 7504/7505: the tenant has not granted the app what calling needs (consent, licensing, policy).
const NOT_SET_UP = new Set([7504, 7505]);

/** The outcome for a resultInfo (and Graph's `terminationReason` when it gave one). */
export function outcomeOf(info: ResultInfo | undefined, terminationReason?: string): CallOutcome {
  if (terminationReason === 'AppTransferred') return 'transferred';
  if (!info) return 'completed';
  if (NOT_SET_UP.has(info.subcode)) return 'notSetUp';
  const known = BY_CODE[`${info.code}/${info.subcode}`] ?? BY_STATUS[info.code];
  if (known) return known;
  if (info.code === 0 || (info.code >= 200 && info.code < 300)) return 'completed';
  if (info.code === 408) return 'noAnswer';
  return 'failed';
}

const WORDS: Readonly<Record<CallOutcome, { alone: string; by?: (by: string) => string }>> = {
  completed: { alone: 'the call ended', by: (b) => `ended by ${b}` },
  hungUp: { alone: 'the other party hung up', by: (b) => `hung up by ${b}` },
  declined: { alone: 'declined', by: (b) => `declined by ${b}` },
  busy: { alone: 'busy' },
  noAnswer: { alone: 'no answer' },
  unreachable: { alone: 'could not be reached' },
  transferred: { alone: 'the transfer completed', by: (b) => `put through to ${b}` },
  redirected: { alone: 'redirected', by: (b) => `redirected to ${b}` },
  endedByApp: { alone: 'ended by the app', by: (b) => `hung up by ${b}` },
  removed: { alone: 'removed from the call', by: (b) => `removed by ${b}` },
  timedOut: { alone: 'not answered in time' },
  inactive: { alone: 'ended after 45 minutes without a keep-alive' },
  notSetUp: {
    alone:
      'the app may not place calls in this tenant yet: an administrator must grant admin consent for ' +
      'its calling permissions and check the Teams licensing (Graph 7504/7505)',
  },
  gone: { alone: 'Microsoft Teams no longer knows this call' },
  failed: { alone: 'the call failed' },
};

/**
 * The words every surface shows for an outcome: "declined", "busy", "no answer", "hung up by Adele
 * Vance". `by` names who did it (or, for a transfer, to whom) when that is known.
 */
export function wordsFor(outcome: CallOutcome, by?: string): string {
  const w = WORDS[outcome];
  return by && w.by ? w.by(by) : w.alone;
}

/** The words for how a call ended, from its resultInfo; an unknown failure keeps Graph's code pair. */
export function endWords(info: ResultInfo | undefined, terminationReason?: string): string {
  const outcome = outcomeOf(info, terminationReason);
  if (outcome === 'failed' && info) {
    const said = info.message ? `: ${info.message}` : '';
    return `${wordsFor(outcome)} (${info.code}/${info.subcode})${said}`;
  }
  return wordsFor(outcome);
}

/** What an outcome says about a person who was rung and never joined. */
export function ringOutcome(outcome: CallOutcome): 'declined' | 'busy' | 'noAnswer' | 'unreachable' {
  if (outcome === 'declined' || outcome === 'busy' || outcome === 'unreachable') return outcome;
  if (outcome === 'failed' || outcome === 'notSetUp' || outcome === 'gone') return 'unreachable';
  return 'noAnswer';
}
