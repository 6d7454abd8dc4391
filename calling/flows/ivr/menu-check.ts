// Cross-reference checks of a menu once its shape is valid: every jump lands on a node or a menu,
// every name is in the directory, every prompt exists, and redirects come before the call is answered.
import type { ConfigIssue, Directory } from '../runtime';
import type { Action, Jump, Listen, Menu, PromptRef } from './menu-schema';

export interface MenuCheckContext {
  /** Ids of every menu (file names without extension). */
  readonly menuIds: ReadonlySet<string>;
  readonly directory: Directory;
  /** Names in the prompt set; when absent, prompt names are not checked. */
  readonly promptNames?: ReadonlySet<string>;
  /** Names of the call queues; when absent (no QUEUES_CONFIG), queue steps go to their onFail at run time. */
  readonly queueNames?: ReadonlySet<string>;
}

type Path = Array<string | number>;

/** Every problem found in one menu. */
export function checkMenu(menu: Menu, ctx: MenuCheckContext): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path, message });

  const jump = (j: Jump | undefined, path: Path) => {
    if (j === undefined || typeof j === 'string') return;
    if ('goto' in j && !menu.nodes[j.goto])
      add([...path, 'goto'], `there is no node "${j.goto}" in this menu`);
    if ('menu' in j && !ctx.menuIds.has(j.menu)) add([...path, 'menu'], `there is no menu "${j.menu}"`);
  };
  const prompt = (p: PromptRef | undefined, path: Path) => {
    if (typeof p !== 'string' || !ctx.promptNames || /^https?:\/\//i.test(p)) return;
    if (!ctx.promptNames.has(p.replace(/\.wav$/i, '')))
      add(path, `there is no prompt "${p}" in the prompt folder (say: "text" speaks text instead)`);
  };
  const person = (t: unknown, path: Path) => {
    if (typeof t === 'string' && !ctx.directory.people[t])
      add(path, `"${t}" is not a person in the directory (people: in the front desk configuration)`);
  };
  const action = (a: Action, path: Path, isStart: boolean) => {
    if (typeof a === 'string' || 'goto' in a || 'menu' in a) return jump(a as Jump, path);
    if ('transfer' in a) {
      person(a.transfer, [...path, 'transfer']);
      jump(a.onFail, [...path, 'onFail']);
    } else if ('redirect' in a) {
      const list = Array.isArray(a.redirect) ? a.redirect : [a.redirect];
      list.forEach((t, i) =>
        person(t, Array.isArray(a.redirect) ? [...path, 'redirect', i] : [...path, 'redirect']),
      );
      if (!isStart)
        add(
          [...path, 'redirect'],
          'Graph redirects only calls not yet answered: use it as the "do" of the start node, without prompts (or use transfer)',
        );
    } else if ('meeting' in a) {
      if (typeof a.meeting === 'string' && !ctx.directory.meetings[a.meeting])
        add([...path, 'meeting'], `"${a.meeting}" is not a meeting in the directory (meetings:)`);
      jump(a.onFail, [...path, 'onFail']);
    } else if ('record' in a) {
      prompt(a.record.prompt, [...path, 'record', 'prompt']);
      jump(a.record.onSpeech, [...path, 'record', 'onSpeech']);
      jump(a.record.onSilence, [...path, 'record', 'onSilence']);
      jump(a.record.onFail, [...path, 'record', 'onFail']);
    } else if ('notify' in a) {
      jump(a.then, [...path, 'then']);
    } else if ('queue' in a) {
      if (ctx.queueNames && !ctx.queueNames.has(a.queue))
        add([...path, 'queue'], `there is no queue "${a.queue}" in the queues file (QUEUES_CONFIG)`);
      jump(a.onFail, [...path, 'onFail']);
    }
  };

  const listen = (l: Listen, lp: Path) => {
    const labels = new Set<string>();
    const keys = new Map<string, string>();
    l.choices.forEach((c, i) => {
      const cp: Path = [...lp, 'choices', i];
      if (labels.has(c.label)) add([...cp, 'label'], `"${c.label}" is already a choice of this node`);
      labels.add(c.label);
      if (c.key !== undefined) {
        const taken = keys.get(c.key);
        if (taken !== undefined) add([...cp, 'key'], `key "${c.key}" is already choice "${taken}"`);
        else keys.set(c.key, c.label);
      }
      action(c.do, [...cp, 'do'], false);
    });
    if (l.negative) action(l.negative.do, [...lp, 'negative', 'do'], false);
    l.noMatchPrompts?.forEach((p, i) => prompt(p, [...lp, 'noMatchPrompts', i]));
    l.silencePrompts?.forEach((p, i) => prompt(p, [...lp, 'silencePrompts', i]));
    jump(l.onNoMatch, [...lp, 'onNoMatch']);
    jump(l.onSilence, [...lp, 'onSilence']);
    jump(l.onFail, [...lp, 'onFail']);
  };

  if (!menu.nodes[menu.start]) add(['start'], `there is no node "${menu.start}" in nodes`);
  person(menu.fallback, ['fallback']);
  jump(menu.defaults.onInvalid, ['defaults', 'onInvalid']);
  jump(menu.defaults.onNoInput, ['defaults', 'onNoInput']);
  menu.defaults.invalidPrompts.forEach((p, i) => prompt(p, ['defaults', 'invalidPrompts', i]));
  menu.defaults.noInputPrompts.forEach((p, i) => prompt(p, ['defaults', 'noInputPrompts', i]));
  for (const [name, node] of Object.entries(menu.nodes)) {
    const at: Path = ['nodes', name];
    node.prompts?.forEach((p, i) => prompt(p, [...at, 'prompts', i]));
    const isStart = name === menu.start && !node.prompts?.length;
    if (node.do !== undefined) action(node.do, [...at, 'do'], isStart);
    if (node.listen) listen(node.listen, [...at, 'listen']);
    const c = node.collect;
    if (!c) continue;
    const cp: Path = [...at, 'collect'];
    if (c.minDigits > c.maxDigits) add([...cp, 'minDigits'], 'is more than maxDigits');
    c.invalidPrompts?.forEach((p, i) => prompt(p, [...cp, 'invalidPrompts', i]));
    c.noInputPrompts?.forEach((p, i) => prompt(p, [...cp, 'noInputPrompts', i]));
    jump(c.onInvalid, [...cp, 'onInvalid']);
    jump(c.onNoInput, [...cp, 'onNoInput']);
    for (const [keys, a] of Object.entries(c.options)) {
      const op: Path = [...cp, 'options', keys];
      if (keys.length > c.maxDigits) add(op, `is ${keys.length} keys long but maxDigits is ${c.maxDigits}`);
      if (c.terminator && keys.includes(c.terminator)) add(op, `contains the terminator "${c.terminator}"`);
      action(a, op, false);
    }
  }
  return issues;
}
