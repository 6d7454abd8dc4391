import assert from 'node:assert/strict';
import { errorCard } from '../../../bot/cards/error-card';
import { helpCard } from '../../../bot/cards/help-card';
import type { AdaptiveCard } from '../../../bot/cards/types';
import { CATALOG } from '../../../bot/commands/catalog';
import { walk } from './validate-card';

// What each command's usage must still say once Teams has rendered it.
const ARGUMENTS: Record<string, readonly string[]> = {
  call: ['person or number'],
  announce: ['person or number'],
  groupcall: ['people'],
  connect: ['A', 'B'],
  meet: ['subject', 'at', 'time', 'for', 'duration', 'with', 'people'],
  meeting: ['move', 'subject', 'to', 'time', 'for', 'duration', 'cancel'],
  join: ['join link'],
  presence: ['people'],
  remind: ['person', 'when', 'message'],
  reminders: [],
  'cancel reminder': ['n'],
  calls: [],
  frontdesk: [],
  queues: [],
  queue: ['name', 'sign in', 'sign out'],
  help: [],
};

/** The TextBlock texts of a card. */
function texts(card: AdaptiveCard): string[] {
  const out: string[] = [];
  walk(card, (o) => {
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
  });
  return out;
}

/** A TextBlock as Teams shows it: anything between angle brackets is taken for HTML and dropped. */
function asTeamsShowsIt(markdown: string): string {
  return markdown.replace(/<[^>]*>/g, '').replace(/\*\*|_/g, '');
}

describe('help card: usages Teams can show', () => {
  it('no TextBlock of the help card holds an angle bracket', () => {
    const bad = texts(helpCard()).filter((t) => /[<>]/.test(t));
    assert.deepEqual(bad, []);
  });

  it('every command is shown with each of its arguments, placeholders in italics', () => {
    assert.deepEqual(CATALOG.map((c) => c.name).sort(), Object.keys(ARGUMENTS).sort());
    const shown = texts(helpCard());
    for (const c of CATALOG) {
      const line = shown.find((t) => {
        const v = asTeamsShowsIt(t);
        return t.startsWith('**') && (v === c.name || v.startsWith(`${c.name} `));
      });
      assert.ok(line, `help has no line for ${c.name}`);
      const visible = asTeamsShowsIt(line);
      for (const arg of ARGUMENTS[c.name] ?? []) {
        assert.ok(visible.includes(arg), `"${c.name}" shows as "${visible}", without "${arg}"`);
      }
      const words = ['at', 'for', 'with', 'to', 'move', 'cancel', 'sign in', 'sign out'];
      const placeholders = ARGUMENTS[c.name]!.filter((a) => !words.includes(a));
      for (const p of placeholders) {
        assert.match(line, new RegExp(`_${p}…?_`), `"${p}" is not in italics in ${line}`);
      }
    }
  });

  it('an error card shows the usage the same way', () => {
    const t = texts(errorCard({ title: 'What should I say?', message: 'No message.', command: 'remind' }));
    const usage = t.find((x) => x.startsWith('Usage:'));
    assert.ok(usage);
    assert.doesNotMatch(usage, /[<>]/);
    assert.equal(asTeamsShowsIt(usage), 'Usage: remind person when message');
  });
});
