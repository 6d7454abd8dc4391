// What a caller meets on the way into an IVR menu: the nodes from `start` up to the first node that
// collects keys (the menu proper: `collect`, or `listen` with its keyed choices), following `do: { goto }` in between, and what each key there leads to.
import { reactionToKey, type Reaction } from './key-reaction';
import { isObject, promptsOf, type PromptRef } from './prompt-ref';

export interface MenuNode {
  id: string;
  prompts: PromptRef[];
}

export interface MenuPath {
  /** The nodes in the order a caller meets them; the last one collects keys. */
  nodes: MenuNode[];
  /** What pressing `key` in the collecting node leads to. */
  reactionTo(key: string): Reaction;
}

/** A listen node's keys as a collecting node has them: its choices with a key, and its no-match prompts. */
function keysOf(listen: Record<string, unknown>): Record<string, unknown> {
  const choices = Array.isArray(listen.choices) ? listen.choices.filter(isObject) : [];
  return {
    options: Object.fromEntries(choices.filter((c) => typeof c.key === 'string').map((c) => [c.key, c.do])),
    ...(listen.noMatchPrompts === undefined ? {} : { invalidPrompts: listen.noMatchPrompts }),
  };
}

/** The path from the menu's start to its first collecting node. Throws when there is none. */
export function menuPath(menu: unknown): MenuPath {
  if (!isObject(menu) || typeof menu.start !== 'string' || !isObject(menu.nodes)) {
    throw new Error('the menu has no start node or no nodes');
  }
  const nodes: MenuNode[] = [];
  let id: string | undefined = menu.start;
  while (id !== undefined) {
    const here: string = id;
    if (nodes.some((n) => n.id === here))
      throw new Error(`the menu loops back to "${here}" before collecting keys`);
    const node: unknown = menu.nodes[here];
    if (!isObject(node)) throw new Error(`the menu has no node "${here}"`);
    nodes.push({ id: here, prompts: promptsOf(node) });
    const collect = isObject(node.collect)
      ? node.collect
      : isObject(node.listen)
        ? keysOf(node.listen)
        : undefined;
    if (collect) return { nodes, reactionTo: (key) => reactionToKey(menu, here, collect, key) };
    const next: unknown = isObject(node.do) ? node.do.goto : undefined;
    id = typeof next === 'string' ? next : undefined;
  }
  const last = nodes[nodes.length - 1]?.id ?? menu.start;
  throw new Error(`the menu's start leads to "${last}", which neither collects keys nor goes on`);
}
