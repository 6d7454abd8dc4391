// Reads the front desk's file and checks its cross-references: rules name people, meetings and menus
// that exist. The same check guards edits made at run time.
import type { Menu } from '../ivr';
import { readConfigFile, validateValue, type ConfigIssue } from '../runtime';
import { frontDeskConfigSchema, type FrontDeskConfig } from './config-schema';

export interface FrontDeskCheckContext {
  /** Ids of the loaded IVR menus (rules may answer into them). */
  readonly menuIds: ReadonlySet<string>;
  /** People and meetings the menus refer to (they must stay in the directory). */
  readonly menus?: ReadonlyMap<string, Menu>;
  /** Names of the call queues (rules may answer into them); none without QUEUES_CONFIG. */
  readonly queueNames?: ReadonlySet<string>;
}

function namesUsedByMenus(
  menus: ReadonlyMap<string, Menu> | undefined,
): Array<{ kind: 'people' | 'meetings'; name: string; menu: string }> {
  const out: Array<{ kind: 'people' | 'meetings'; name: string; menu: string }> = [];
  const visit = (v: unknown, menu: string, key?: string) => {
    if (typeof v === 'string' && (key === 'transfer' || key === 'redirect'))
      out.push({ kind: 'people', name: v, menu });
    else if (typeof v === 'string' && key === 'meeting') out.push({ kind: 'meetings', name: v, menu });
    else if (Array.isArray(v)) v.forEach((x) => visit(x, menu, key));
    else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) visit(x, menu, k);
  };
  for (const [id, m] of menus ?? []) {
    visit(m.nodes, id);
    if (typeof m.fallback === 'string') out.push({ kind: 'people', name: m.fallback, menu: id });
  }
  return out;
}

/** Cross-reference problems of a front desk configuration. */
export function checkFrontDesk(c: FrontDeskConfig, ctx: FrontDeskCheckContext): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const person = (t: unknown, path: Array<string | number>) => {
    if (typeof t === 'string' && !c.people[t]) issues.push({ path, message: `"${t}" is not in people:` });
  };
  c.rules.forEach((r, i) => {
    const at = ['rules', i];
    r.when?.callers?.forEach((m, j) => person(m, [...at, 'when', 'callers', j]));
    if (r.when?.outsideHours !== undefined && !c.hours)
      issues.push({
        path: [...at, 'when', 'outsideHours'],
        message: 'needs business hours (hours:) to be set',
      });
    const a = r.then;
    if ('redirect' in a) {
      const list = Array.isArray(a.redirect) ? a.redirect : [a.redirect];
      list.forEach((t, j) =>
        person(t, Array.isArray(a.redirect) ? [...at, 'then', 'redirect', j] : [...at, 'then', 'redirect']),
      );
    }
    if ('closed' in a && a.closed.then !== 'hangUp')
      person(a.closed.then.transfer, [...at, 'then', 'closed', 'then', 'transfer']);
    if ('ivr' in a && !ctx.menuIds.has(a.ivr))
      issues.push({ path: [...at, 'then', 'ivr'], message: `there is no menu "${a.ivr}" in the IVR folder` });
    if ('queue' in a && !ctx.queueNames?.has(a.queue))
      issues.push({
        path: [...at, 'then', 'queue'],
        message: `there is no queue "${a.queue}" in the queues file (set QUEUES_CONFIG, or name one of its queues)`,
      });
  });
  person(c.fallback, ['fallback']);
  for (const use of namesUsedByMenus(ctx.menus)) {
    if (!c[use.kind][use.name])
      issues.push({
        path: [use.kind],
        message: `menu ${use.menu} refers to "${use.name}", which is missing here`,
      });
  }
  return issues;
}

/** Reads and checks the front desk file. */
export function loadFrontDeskConfig(file: string, ctx: FrontDeskCheckContext): Promise<FrontDeskConfig> {
  return readConfigFile(file, frontDeskConfigSchema, (c) => checkFrontDesk(c, ctx));
}

/** Checks a configuration given at run time (from the bot or the tab). */
export function validateFrontDeskConfig(value: unknown, ctx: FrontDeskCheckContext): FrontDeskConfig {
  return validateValue(value, 'front desk configuration', frontDeskConfigSchema, (c) =>
    checkFrontDesk(c, ctx),
  );
}
