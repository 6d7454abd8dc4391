// What the app should do on the call right after a key is pressed in a menu's collecting node: the
// first prompt, request or hang-up the key's action leads to (following jumps to other nodes).
import { describePrompt, isObject, promptRef, promptsOf, type Json, type PromptRef } from './prompt-ref';

export type Reaction =
  { what: string; prompt: PromptRef } | { what: string; request: string } | { what: string; anything: true };

const anything = (why: string): Reaction => ({ what: `anything (${why})`, anything: true });

export function reactionToKey(menu: Json, nodeId: string, collect: Json, key: string): Reaction {
  const maxDigits = typeof collect.maxDigits === 'number' ? collect.maxDigits : 1;
  if (maxDigits > 1) return anything('a multi-key entry');
  const options = isObject(collect.options) ? collect.options : {};
  if (key in options) return reactionToAction(menu, nodeId, options[key], 0);
  const defaults = isObject(menu.defaults) ? menu.defaults : {};
  const invalid = collect.invalidPrompts ?? defaults.invalidPrompts;
  const first: unknown = Array.isArray(invalid) ? invalid[0] : undefined;
  return first === undefined
    ? anything(`key ${key} is no option and there is no invalid-entry prompt`)
    : { what: `the invalid-entry prompt (${describePrompt(promptRef(first))})`, prompt: promptRef(first) };
}

function reactionToAction(menu: Json, nodeId: string, a: unknown, depth: number): Reaction {
  const nodes = isObject(menu.nodes) ? menu.nodes : {};
  if (depth > 10) return anything('a long chain of jumps');
  if (a === 'hangUp') return { what: 'a hang-up', request: 'hang up' };
  if (a === 'repeat') {
    const first = promptsOf(nodes[nodeId])[0];
    return first
      ? { what: `"${nodeId}" again (${describePrompt(first)})`, prompt: first }
      : anything('repeat');
  }
  if (!isObject(a)) return anything('an action the smoke does not know');
  for (const request of ['transfer', 'redirect']) {
    if (request in a) return { what: `a ${request} to ${JSON.stringify(a[request])}`, request };
  }
  if ('record' in a) return { what: 'a recording', request: 'recordResponse' };
  // A caller put in a queue hears their position, then the hold music (the shipped queues name none of
  // their own, so the generated loop plays); without a queues file the app takes the step's onFail.
  if (typeof a.queue === 'string')
    return { what: `the queue "${a.queue}" (its hold music)`, prompt: { name: 'hold-music' } };
  if ('notify' in a) return reactionToAction(menu, nodeId, a.then, depth + 1);
  if (typeof a.goto === 'string') {
    const target = nodes[a.goto];
    const first = promptsOf(target)[0];
    if (first) return { what: `node "${a.goto}" (${describePrompt(first)})`, prompt: first };
    return isObject(target) && target.do !== undefined
      ? reactionToAction(menu, a.goto, target.do, depth + 1)
      : anything(`node "${a.goto}" plays nothing first`);
  }
  return anything('the action works on another call');
}
