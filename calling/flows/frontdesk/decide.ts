// The front desk's rules, evaluated in order against one incoming call: the first rule whose
// conditions all hold decides, and the decision carries a reason a person can read in the timeline.
import type { PartyIdentity } from '../../core';
import { describeIdentity, type Directory } from '../runtime';
import type { FrontDeskAction, FrontDeskConfig } from './config-schema';
import { openAt } from './hours';
import { callerMatches } from './match';

export interface DecisionInput {
  readonly caller: PartyIdentity;
  readonly at: number;
  /** Incoming calls the app is handling now, this one not included. */
  readonly callsInProgress: number;
}

export interface Decision {
  /** The rule that matched, or undefined when none did. */
  readonly rule?: string;
  readonly action: FrontDeskAction;
  readonly reason: string;
}

/** The directory part of a configuration. */
export function directoryOf(config: FrontDeskConfig): Directory {
  return { people: config.people, meetings: config.meetings };
}

/** Evaluates the rules; pure (the time and the load are inputs). */
export function decide(config: FrontDeskConfig, input: DecisionInput): Decision {
  const dir = directoryOf(config);
  const who = describeIdentity(input.caller);
  for (const rule of config.rules) {
    if (rule.enabled === false) continue;
    const w = rule.when ?? {};
    const reasons: string[] = [];
    if (w.callers) {
      const hit = w.callers.find((m) => callerMatches(input.caller, m, dir));
      if (!hit) continue;
      reasons.push(`caller ${who} matches ${typeof hit === 'string' ? hit : JSON.stringify(hit)}`);
    }
    if (w.outsideHours !== undefined) {
      const state = config.hours
        ? openAt(config.hours, input.at)
        : { open: true, why: 'open: no business hours are set' };
      if (w.outsideHours === state.open) continue;
      reasons.push(state.why);
    }
    if (w.overCapacity !== undefined) {
      const over = input.callsInProgress >= config.maxConcurrentCalls;
      if (w.overCapacity !== over) continue;
      reasons.push(
        `${input.callsInProgress} incoming call(s) in progress, the limit is ${config.maxConcurrentCalls}`,
      );
    }
    if (reasons.length === 0) reasons.push(`caller ${who}`);
    return { rule: rule.name, action: rule.then, reason: `rule "${rule.name}": ${reasons.join('; ')}` };
  }
  return { action: { reject: 'none' }, reason: `no rule matched caller ${who}` };
}

/** The action in words. */
export function describeAction(a: FrontDeskAction): string {
  if ('reject' in a) return `reject (${a.reject})`;
  if ('redirect' in a) {
    const list = Array.isArray(a.redirect) ? a.redirect : [a.redirect];
    return `redirect to ${list.map((t) => (typeof t === 'string' ? t : JSON.stringify(t))).join(', ')}`;
  }
  if ('closed' in a) {
    const then = a.closed.then;
    return `closed message, then ${then === 'hangUp' ? 'hang up' : `transfer to ${typeof then.transfer === 'string' ? then.transfer : JSON.stringify(then.transfer)}`}`;
  }
  if ('queue' in a) return `answer into queue ${a.queue}`;
  return `answer into menu ${a.ivr}`;
}
