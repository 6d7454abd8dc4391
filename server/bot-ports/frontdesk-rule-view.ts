// A front desk rule as the bot's card shows it: one line saying when it applies and what it does, and
// its details (the directory names it uses, the business hours with whether the desk is open now, the
// call limit). Hours are judged by the front desk's own openAt, so the card and the calls agree.
import type { FrontDeskRule as RuleView } from '../../bot';
import {
  describeFrontDeskAction,
  describeHolidays,
  describeWeek,
  openAt,
  type FrontDeskConfig,
  type FrontDeskRule,
} from '../../calling';

type Caller = NonNullable<NonNullable<FrontDeskRule['when']>['callers']>[number];

function callerText(c: Caller): string {
  if (typeof c === 'string') return c;
  if ('user' in c) return `user ${c.user}`;
  if ('phone' in c) return c.phone;
  return 'anonymous callers';
}

/** One line: when the rule applies and what it does. */
export function describeRule(rule: FrontDeskRule): string {
  const w = rule.when;
  const when = [
    ...(w?.callers ? [`calls from ${w.callers.map(callerText).join(', ')}`] : []),
    ...(w?.outsideHours ? ['outside business hours'] : []),
    ...(w?.outsideHours === false ? ['within business hours'] : []),
    ...(w?.overCapacity ? ['when too many calls are in progress'] : []),
  ];
  const text = when.length > 0 ? when.join(', ') : 'every other call';
  return `${text[0]!.toUpperCase()}${text.slice(1)}: ${describeFrontDeskAction(rule.then)}`;
}

/** The directory names a rule uses (callers, redirect and transfer targets). */
function namesIn(rule: FrontDeskRule): string[] {
  const a = rule.then;
  const targets =
    'redirect' in a
      ? [a.redirect].flat()
      : 'closed' in a && a.closed.then !== 'hangUp'
        ? [a.closed.then.transfer]
        : [];
  const all = [...(rule.when?.callers ?? []), ...targets];
  return [...new Set(all.filter((n): n is string => typeof n === 'string'))];
}

/** The rule's details, each a short line. */
export function ruleDetails(rule: FrontDeskRule, config: FrontDeskConfig, now: number): string[] {
  const out: string[] = [];
  const who = namesIn(rule).flatMap((n) => {
    const p = config.people[n];
    const shown = p?.displayName ?? (p && 'phone' in p ? p.phone : undefined);
    return shown ? [`${n} is ${shown}`] : [];
  });
  if (who.length > 0) out.push(who.join('; '));
  const w = rule.when;
  if (w?.outsideHours !== undefined) {
    const hours = config.hours;
    if (!hours) out.push('No business hours are set.');
    else {
      out.push(`Hours (${hours.timeZone}): ${describeWeek(hours)}`);
      const holidays = describeHolidays(hours, now);
      if (holidays) out.push(`Holidays: ${holidays}`);
      const state = openAt(hours, now);
      out.push(`${state.open ? 'Open now' : 'Closed now'}: ${state.why.replace(/^(open|closed): /, '')}`);
    }
  }
  if (w?.overCapacity !== undefined)
    out.push(`Limit: ${config.maxConcurrentCalls} incoming calls in progress`);
  return out;
}

/** The rule as the bot's port hands it over. */
export function ruleView(rule: FrontDeskRule, config: FrontDeskConfig, now: number): RuleView {
  return {
    id: rule.name,
    name: rule.name,
    description: describeRule(rule),
    enabled: rule.enabled !== false,
    details: ruleDetails(rule, config, now),
  };
}
