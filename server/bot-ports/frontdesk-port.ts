// The bot's front desk port: the incoming-call rules with a switch each. A switch is the rule's own
// `enabled` flag, the same one a rules file may set: switching a rule off keeps it in its place with
// `enabled: false`, and the front desk skips it. Rules that earlier versions set aside in the key-value
// store are shown as off in their place and written into the rules at the next switch.
import type { FrontDeskPort, FrontDeskRule, Requester } from '../../bot';
import type { FrontDesk, FrontDeskRule as DeskRule } from '../../calling';
import type { KeyValue } from '../../calling';
import { StoreConflictError } from '../../store';
import { ruleView } from './frontdesk-rule-view';
import { PortError } from './port-error';
import type { PortsLogger } from './types';

export { describeRule } from './frontdesk-rule-view';

export const FRONTDESK_NAMESPACE = 'bot-frontdesk';
const ASIDE_KEY = 'switched-off';

/** What earlier versions kept for rules switched off from the chat. */
interface SetAside {
  readonly rules: ReadonlyArray<{ readonly at: number; readonly rule: DeskRule }>;
}

/** The rules in order, with those set aside by an earlier version put back, switched off. */
function withSetAside(rules: readonly DeskRule[], aside: SetAside | undefined): DeskRule[] {
  const out = [...rules];
  const names = new Set(rules.map((r) => r.name));
  for (const { at, rule } of [...(aside?.rules ?? [])].sort((a, b) => a.at - b.at)) {
    if (!names.has(rule.name)) out.splice(Math.min(at, out.length), 0, { ...rule, enabled: false });
  }
  return out;
}

/** The rule switched on (no flag: on is the default) or off. */
function switched(rule: DeskRule, enabled: boolean): DeskRule {
  const { enabled: _was, ...rest } = rule;
  return enabled ? rest : { ...rest, enabled: false };
}

/** Lists the front desk's rules and switches them on and off. */
export function createFrontDeskPort(deps: {
  desk: Pick<FrontDesk, 'current' | 'update'>;
  kv: Pick<KeyValue, 'get' | 'delete'>;
  logger: PortsLogger;
  /** For "open now" on hours rules. */
  clock?: { now(): number };
}): FrontDeskPort {
  const { desk, kv } = deps;
  const now = () => deps.clock?.now() ?? Date.now();

  async function state() {
    const [{ config, version }, stored] = await Promise.all([
      desk.current(),
      kv.get<SetAside>(FRONTDESK_NAMESPACE, ASIDE_KEY),
    ]);
    return {
      config,
      version,
      legacy: stored !== undefined,
      rules: withSetAside(config.rules, stored?.value),
    };
  }

  async function change(ruleId: string, enabled: boolean, by: Requester): Promise<FrontDeskRule> {
    const s = await state();
    const at = s.rules.findIndex((r) => r.name === ruleId);
    const found = s.rules[at];
    if (!found) {
      throw new PortError(
        'frontdesk_rule_unknown',
        `The front desk has no rule "${ruleId}" any more.`,
        'Send "frontdesk" to see the rules as they are now.',
      );
    }
    const rules = s.rules.map((r, i) => (i === at ? switched(r, enabled) : r));
    if (!rules.some((r) => r.enabled !== false)) {
      throw new PortError(
        'frontdesk_last_rule',
        'The front desk needs at least one rule switched on.',
        'Switch another rule on first.',
      );
    }
    const config = { ...s.config, rules };
    if ((found.enabled !== false) !== enabled || s.legacy) {
      await desk.update(config, { expectedVersion: s.version });
      // Every set-aside rule is in the rules now (switched off), so the old list has done its work.
      if (s.legacy) await kv.delete(FRONTDESK_NAMESPACE, ASIDE_KEY);
      deps.logger.info({ rule: ruleId, enabled, by: by.name }, 'front desk rule switched from the chat');
    }
    return ruleView(rules[at]!, config, now());
  }

  return {
    async listRules() {
      const s = await state();
      const t = now();
      return s.rules.map((r) => ruleView(r, s.config, t));
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
