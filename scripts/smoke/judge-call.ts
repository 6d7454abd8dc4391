// Judges one call from the emulator's timeline (GET /emulator/calls/{id}/timeline): the app answered,
// played the prompts on the way into the main menu, and did what the menu says for a key pressed there.
import type { Reaction } from './key-reaction';
import type { MenuPath } from './menu-path';
import { describePrompt, uriMatches } from './prompt-ref';

export interface TimelineEntry {
  t: number;
  kind: string;
  [detail: string]: unknown;
}

export interface Verdict {
  /** What is wrong; empty when the call did what the smoke expects. */
  problems: string[];
  /** What happened, for the smoke's output. */
  facts: string[];
}

/** Requests that move a call on (a barge-in's cancelMediaProcessing or a keepAlive alone does not). */
const MOVES = new Set([
  'transfer',
  'playPrompt',
  'recordResponse',
  'redirect',
  'invite',
  'reject',
  'hang up',
]);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const uris = (e: TimelineEntry): string[] => (Array.isArray(e.uris) ? e.uris.map(str) : []);
const isPromptStart = (e: TimelineEntry): boolean => e.kind === 'media' && e.event === 'prompt-start';
const ok = (e: TimelineEntry): boolean => typeof e.status === 'number' && e.status >= 200 && e.status < 300;
const action = (e: TimelineEntry): string =>
  e.method === 'DELETE' ? 'hang up' : (str(e.path).split('/').pop() ?? '');

function fulfils(e: TimelineEntry, r: Reaction): boolean {
  if ('prompt' in r) return isPromptStart(e) && uris(e).some((u) => uriMatches(u, r.prompt));
  if (e.kind !== 'request') return false;
  return 'request' in r ? action(e) === r.request : MOVES.has(action(e));
}

export function judgeCall(entries: readonly TimelineEntry[], menu: MenuPath): Verdict {
  const problems: string[] = [];
  const t0 = entries[0]?.t ?? 0;
  const at = (e: TimelineEntry): string => `+${((e.t - t0) / 1000).toFixed(1)} s`;
  const requests = entries.filter((e) => e.kind === 'request');
  const promptStarts = entries.filter(isPromptStart);
  const short = (u: string): string => u.replace(/^https?:\/\/[^/]+/, '');
  const facts = [
    `Graph requests: ${requests.map((e) => `${action(e)} ${String(e.status)} at ${at(e)}`).join(', ') || 'none'}`,
    `prompts played: ${promptStarts.map((e) => `${uris(e).map(short).join(' + ')} at ${at(e)}`).join(', ') || 'none'}`,
  ];

  const answer = requests.find((e) => e.method === 'POST' && str(e.path).endsWith('/answer') && ok(e));
  if (!answer) problems.push('the app did not answer the call');

  // Each prompt of the path, in order, in the same or a later playPrompt than the one before it.
  let cursor = 0;
  let menuStart: TimelineEntry | undefined;
  const last = menu.nodes[menu.nodes.length - 1];
  walk: for (const node of menu.nodes) {
    for (const ref of node.prompts) {
      const i = promptStarts.findIndex((e, k) => k >= cursor && uris(e).some((u) => uriMatches(u, ref)));
      if (i < 0) {
        problems.push(
          `the caller did not reach the main menu: no ${describePrompt(ref)} (node "${node.id}") was played`,
        );
        break walk;
      }
      cursor = i;
      if (node === last) menuStart ??= promptStarts[i];
    }
  }
  if (problems.length === 0 && last?.prompts.length === 0) menuStart = promptStarts[cursor] ?? answer;
  if (!menuStart || !last) return { problems, facts };
  facts.push(`main menu (node "${last.id}") started at ${at(menuStart)}`);

  const key = entries.find((e) => e.kind === 'person' && e.event === 'key' && e.t >= menuStart.t);
  if (!key) {
    const early = entries.filter((e) => e.kind === 'person' && e.event === 'key');
    problems.push(
      early.length
        ? `no key was pressed once the main menu had started (keys at ${early.map(at).join(', ')})`
        : 'no key was pressed during the call',
    );
    return { problems, facts };
  }
  const expected = menu.reactionTo(str(key.key));
  const done = entries.find((e) => e.t >= key.t && fulfils(e, expected));
  if (done) facts.push(`key ${str(key.key)} at ${at(key)}, then ${expected.what} at ${at(done)}`);
  else
    problems.push(
      `key ${str(key.key)} pressed at ${at(key)} in the main menu was not acted on: expected ${expected.what}`,
    );
  return { problems, facts };
}
