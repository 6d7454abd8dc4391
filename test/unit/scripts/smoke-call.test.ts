import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { judgeCall, type TimelineEntry } from '../../../scripts/smoke/judge-call';
import { menuPath } from '../../../scripts/smoke/menu-path';

const main = menuPath(
  YAML.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'config', 'ivr', 'main.yaml'), 'utf8')),
);
const call = '/v1.0/communications/calls/c1';
const request = (t: number, action: string, status = 200): TimelineEntry => ({
  t,
  kind: 'request',
  method: action === 'hang up' ? 'DELETE' : 'POST',
  path: action === 'hang up' ? call : `${call}/${action}`,
  status,
});
const prompt = (t: number, ...files: string[]): TimelineEntry => ({
  t,
  kind: 'media',
  event: 'prompt-start',
  uris: files.map((f) => `http://localhost:3978/prompts/${f}`),
});
const key = (t: number, k: string): TimelineEntry => ({ t, kind: 'person', event: 'key', key: k });

const answered = [request(0, 'answer', 202), request(300, 'subscribeToTone')];
const welcome = [request(350, 'playPrompt'), prompt(350, 'welcome.wav')];
const menu = [request(2000, 'playPrompt'), prompt(2000, 'menu.wav', 'tts/0f3a.wav')];

describe('smoke: the call README places', () => {
  it('walks the shipped main menu from its start to the node that collects keys', () => {
    assert.deepEqual(
      main.nodes.map((n) => [n.id, n.prompts.length]),
      [
        ['welcome', 1],
        ['main', 2],
      ],
    );
    assert.deepEqual(main.reactionTo('1'), { what: 'a transfer to "sales"', request: 'transfer' });
    assert.deepEqual(main.reactionTo('2'), {
      what: 'the queue "support" (its hold music)',
      prompt: { name: 'hold-music' },
    });
    assert.deepEqual(main.reactionTo('3'), { what: 'a recording', request: 'recordResponse' });
    assert.deepEqual(main.reactionTo('*'), { what: '"main" again (menu)', prompt: { name: 'menu' } });
    // The main menu listens for speech too: a key no choice has plays its no-match prompt.
    const noMatch = main.reactionTo('9');
    assert.match(noMatch.what, /^the invalid-entry prompt \(say "Sorry, I did not understand\./);
    assert.ok('prompt' in noMatch && 'say' in noMatch.prompt);
  });

  it('passes a call answered into the main menu whose key led to the transfer the menu names', () => {
    const timeline = [
      ...answered,
      ...welcome,
      ...menu,
      key(4300, '1'),
      request(4350, 'cancelMediaProcessing'),
      request(5400, 'transfer', 202),
    ];
    const verdict = judgeCall(timeline, main);
    assert.deepEqual(verdict.problems, []);
    assert.ok(
      verdict.facts.some((f) => /key 1 at \+4\.3 s, then a transfer to "sales" at \+5\.4 s/.test(f)),
      verdict.facts.join('\n'),
    );
  });

  it('fails a call the front desk sent elsewhere (after hours: the closed message, then a transfer)', () => {
    const timeline = [
      ...answered,
      request(350, 'playPrompt'),
      prompt(350, 'closed.wav'),
      key(4300, '1'),
      request(4700, 'transfer', 202),
    ];
    assert.deepEqual(judgeCall(timeline, main).problems, [
      'the caller did not reach the main menu: no welcome (node "welcome") was played',
    ]);
  });

  it('fails a call whose main menu never played, and one the app did not answer', () => {
    assert.match(judgeCall([...answered, ...welcome], main).problems.join(), /no menu \(node "main"\)/);
    assert.match(judgeCall([request(0, 'reject', 202)], main).problems.join(), /did not answer/);
  });

  it('fails when the key was ignored: only a barge-in cancel, or keys only before the menu', () => {
    const ignored = [
      ...answered,
      ...welcome,
      ...menu,
      key(4300, '1'),
      request(4350, 'cancelMediaProcessing'),
    ];
    assert.match(
      judgeCall(ignored, main).problems.join(),
      /key 1 pressed at \+4\.3 s .* not acted on: expected a transfer/,
    );
    const early = [...answered, key(1000, '1'), ...welcome, ...menu, request(9000, 'transfer', 202)];
    assert.match(judgeCall(early, main).problems.join(), /no key was pressed once the main menu had started/);
  });

  it('does not take a later prompt for the one a key should have led to', () => {
    // Key 2 leads to the support queue's hold music; the menu only repeating itself (a no-input retry) is not that.
    const timeline = [
      ...answered,
      ...welcome,
      ...menu,
      key(4300, '2'),
      request(12000, 'playPrompt'),
      prompt(12000, 'menu.wav'),
    ];
    assert.match(
      judgeCall(timeline, main).problems.join(),
      /expected the queue "support" \(its hold music\)/,
    );
  });

  it('passes a key 2 that puts the caller in the support queue, where the hold music plays', () => {
    const timeline = [
      ...answered,
      ...welcome,
      ...menu,
      key(4300, '2'),
      request(4350, 'cancelMediaProcessing'),
      request(5000, 'playPrompt'),
      prompt(5000, 'tts/4b1c.wav', 'hold-music.wav'),
    ];
    assert.deepEqual(judgeCall(timeline, main).problems, []);
  });
});
