// The bot's front desk port: the incoming-call rules with a switch each. The front desk itself knows
// only the rules in force, so a rule switched off is set aside (with its place in the list) in the
// store, and switching it on puts it back where it was.
import type { FrontDeskPort, FrontDeskRule, Requester } from '../../bot';
import { describeFrontDeskAction, type FrontDesk, type FrontDeskRule as DeskRule } from '../../calling';
import { StoreConflictError, type KeyValue } from '../../store';
import { PortError } from './port-error';
import type { PortsLogger } from './types';

export const FRONTDESK_NAMESPACE = 'bot-frontdesk';
const ASIDE_KEY = 'switched-off';

interface SetAside {
  readonly rules: ReadonlyArray<{ readonly at: number; readonly rule: DeskRule }>;
}

type Caller = NonNullable<NonNullable<DeskRule['when']>['callers']>[number];

function callerText(c: Caller): string {
  if (typeof c === 'string') return c;
  if ('user' in c) return `user ${c.user}`;
  if ('phone' in c) return c.phone;
  return 'anonymous callers';
}

/** One line: when the rule applies and what it does. */
export function describeRule(rule: DeskRule): string {
  const w = rule.when;
  const when = [
    ...(w?.callers ? [`calls from ${w.callers.map(callerText).join(', ')}`] : []),
    ...(w?.outsideHours ? ['outside business hours'] : []),
    ...(w?.overCapacity ? ['when too many calls are in progress'] : []),
  ];
  const text = when.length > 0 ? when.join(', ') : 'every other call';
  return `${text[0]!.toUpperCase()}${text.slice(1)}: ${describeFrontDeskAction(rule.then)}`;
}

/** The rules in order, those in force and those set aside. */
function merged(active: readonly DeskRule[], aside: SetAside): Array<{ rule: DeskRule; enabled: boolean }> {
  const out = active.map((rule) => ({ rule, enabled: true }));
  const names = new Set(active.map((r) => r.name));
  for (const { at, rule } of [...aside.rules].sort((a, b) => a.at - b.at)) {
    if (!names.has(rule.name)) out.splice(Math.min(at, out.length), 0, { rule, enabled: false });
  }
  return out;
}

const view = (r: { rule: DeskRule; enabled: boolean }): FrontDeskRule => ({
  id: r.rule.name,
  name: r.rule.name,
  description: describeRule(r.rule),
  enabled: r.enabled,
});

/** Lists the front desk's rules and switches them on and off. */
export function createFrontDeskPort(deps: {
  desk: Pick<FrontDesk, 'current' | 'update'>;
  kv: Pick<KeyValue, 'get' | 'put'>;
  logger: PortsLogger;
}): FrontDeskPort {
  const { desk, kv } = deps;

  async function state() {
    const [{ config, version }, stored] = await Promise.all([
      desk.current(),
      kv.get<SetAside>(FRONTDESK_NAMESPACE, ASIDE_KEY),
    ]);
    const aside = stored?.value ?? { rules: [] };
    return { config, version, aside, asideVersion: stored?.version ?? 0, rules: merged(config.rules, aside) };
  }

  async function change(ruleId: string, enabled: boolean, by: Requester): Promise<FrontDeskRule> {
    const s = await state();
    const at = s.rules.findIndex((r) => r.rule.name === ruleId);
    const found = s.rules[at];
    if (!found) {
      throw new PortError(
        'frontdesk_rule_unknown',
        `The front desk has no rule "${ruleId}" any more.`,
        'Send "frontdesk" to see the rules as they are now.',
      );
    }
    if (found.enabled === enabled) return view(found);
    const next = s.rules.map((r, i) => (i === at ? { ...r, enabled } : r));
    const active = next.filter((r) => r.enabled).map((r) => r.rule);
    if (active.length === 0) {
      throw new PortError(
        'frontdesk_last_rule',
        'The front desk needs at least one rule switched on.',
        'Switch another rule on first.',
      );
    }
    const aside: SetAside = {
      rules: next.flatMap((r, i) => (r.enabled ? [] : [{ at: i, rule: r.rule }])),
    };
    const apply = () => desk.update({ ...s.config, rules: active }, { expectedVersion: s.version });
    const keep = () => kv.put(FRONTDESK_NAMESPACE, ASIDE_KEY, aside, { expectedVersion: s.asideVersion });
    // A set-aside rule that is also in force is listed once, as in force; so whichever write fails,
    // no rule is lost: switching off keeps the rule aside before dropping it, switching on the reverse.
    if (enabled) {
      await apply();
      await keep();
    } else {
      await keep();
      await apply();
    }
    deps.logger.info({ rule: ruleId, enabled, by: by.name }, 'front desk rule switched from the chat');
    return view({ rule: found.rule, enabled });
  }

  return {
    async listRules() {
      return (await state()).rules.map(view);
    },
    async setEnabled(ruleId, enabled, by) {
      try {
        return await change(ruleId, enabled, by);
      } catch (err) {
        if (err instanceof StoreConflictError) {
          throw new PortError(
            'frontdesk_changed',
            'Someone changed the front desk rules at the same moment.',
            'Send "frontdesk" again and flip the switch on the fresh card.',
            { cause: err },
          );
        }
        throw err;
      }
    },
  };
}
