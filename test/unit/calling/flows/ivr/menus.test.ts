import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addKey, loadMenus } from '../../../../../calling/flows/ivr';
import { frontDeskConfigSchema, directoryOf } from '../../../../../calling/flows/frontdesk';
import { ConfigFileError, readConfigFile } from '../../../../../calling/flows/runtime';
import { checkPrompts } from '../../../../../calling/prompts';

const directory = {
  people: { sales: { user: 'u-sales' } },
  meetings: { standup: { joinUrl: 'https://teams.microsoft.com/meet/1?p=x' } },
};

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-ivr-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('IVR menus', () => {
  it('collects one key, or several ended by the terminator or a full entry', () => {
    const one = { maxDigits: 1, minDigits: 1 };
    assert.deepEqual(addKey(one, '', '3'), { kind: 'complete', entry: '3' });
    const ext = { maxDigits: 4, minDigits: 2, terminator: '#' as const };
    assert.deepEqual(addKey(ext, '', '1'), { kind: 'more', digits: '1' });
    assert.deepEqual(addKey(ext, '10', '#'), { kind: 'complete', entry: '10' });
    assert.deepEqual(addKey(ext, '1', '#'), { kind: 'invalid', entry: '1' }, 'fewer than minDigits');
    assert.deepEqual(addKey(ext, '100', '2'), { kind: 'complete', entry: '1002' });
  });

  it('loads the shipped main menu against the shipped directory and prompt set', async () => {
    const fd = await readConfigFile('config/frontdesk.yaml', frontDeskConfigSchema);
    const menus = await loadMenus('config/ivr', {
      directory: directoryOf(fd),
      promptNames: await checkPrompts('assets/prompts'),
    });
    const main = menus.get('main');
    assert.ok(main);
    assert.equal(main.start, 'welcome');
    const choices = main.nodes.main?.listen?.choices ?? [];
    assert.deepEqual(
      choices
        .map((c) => c.key)
        .filter(Boolean)
        .sort(),
      ['*', '0', '1', '2', '3', '4', '5', '6'],
    );
    assert.deepEqual(
      choices.filter((c) => c.phrases.length > 0).map((c) => [c.label, c.phrases]),
      [
        ['sales', ['buy', 'price', 'quote']],
        ['support', ['help', 'broken', 'not working', 'problem']],
        ['billing', ['invoice', 'bill', 'payment', 'refund']],
        ['queue', ['agent', 'queue']],
      ],
    );
    assert.equal(main.nodes.main?.listen?.negative?.score, -3);
    assert.equal(main.defaults.maxRetries, 2);
  });

  it('names the file, line and key of each problem: bad jumps, unknown people and prompts, misplaced redirect', async () => {
    const dir = folder({
      'main.yaml': [
        'start: top', //1
        'nodes:', //2
        '  top:', //3
        '    prompts: [menu, nosuchprompt]', //4
        '    collect:', //5
        '      options:', //6
        '        "1": { goto: nowhere }', //7
        '        "2": { transfer: nobody }', //8
        '        "3": { redirect: sales }', //9
        '        "4": { menu: other }', //10
        '        "55": hangUp', //11
      ].join('\n'),
      'other.json': '{ "start": "a", "nodes": { "a": { "do": { "meeting": "standup" } } } }',
    });
    try {
      await assert.rejects(loadMenus(dir, { directory, promptNames: ['menu'] }), (err: unknown) => {
        assert.ok(err instanceof ConfigFileError);
        const m = err.message;
        assert.match(m, /main\.yaml:4 nodes\.top\.prompts\[1\]: there is no prompt "nosuchprompt"/);
        assert.match(m, /main\.yaml:7 nodes\.top\.collect\.options\.1\.goto: there is no node "nowhere"/);
        assert.match(m, /main\.yaml:8 nodes\.top\.collect\.options\.2\.transfer: "nobody" is not a person/);
        assert.match(
          m,
          /main\.yaml:9 nodes\.top\.collect\.options\.3\.redirect: Graph redirects only calls not yet answered/,
        );
        assert.match(m, /main\.yaml:11 nodes\.top\.collect\.options\.55: is 2 keys long but maxDigits is 1/);
        assert.doesNotMatch(m, /options\.4/, 'a jump to another menu file is fine');
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a menu's fallback names someone in the directory", async () => {
    const dir = folder({
      'main.yaml': ['start: top', 'fallback: nobody', 'nodes:', '  top: { do: hangUp }'].join('\n'),
    });
    try {
      await assert.rejects(loadMenus(dir, { directory }), /main\.yaml:2 fallback: "nobody" is not a person/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports shape errors with the line: a node with both collect and do, an unknown key, YAML syntax', async () => {
    const dir = folder({
      'm.yaml':
        'start: a\nnodes:\n  a:\n    do: hangUp\n    collect: { options: {} }\n  b:\n    play: [x]\n    do: hangUp\n',
    });
    const bad = folder({ 'm.yaml': 'start: a\nnodes:\n  a: { do: hangUp\n' });
    try {
      await assert.rejects(loadMenus(dir, { directory }), (err: unknown) => {
        const m = (err as Error).message;
        assert.match(m, /m\.yaml:3 nodes\.a: a node needs exactly one of "collect", "listen" or "do"/);
        assert.match(m, /m\.yaml:7 nodes\.b\.play: unknown key "play"/);
        return true;
      });
      await assert.rejects(loadMenus(bad, { directory }), /m\.yaml:\d+ \(top level\): /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it('checks a listen node: choices need phrases or a key, keys and labels once, jumps and people exist', async () => {
    const dir = folder({
      'm.yaml': [
        'start: a', //1
        'nodes:', //2
        '  a:', //3
        '    listen:', //4
        '      language: english', //5
        '      choices:', //6
        '        - { label: billing, phrases: [invoice], key: "1", do: { transfer: nobody } }', //7
        '        - { label: billing, key: "1", do: { goto: b } }', //8
        '        - { label: sales, do: hangUp }', //9
        '        - { label: two, key: "12", phrases: [x], do: hangUp }', //10
        '      negative: { score: -3, do: { goto: nowhere } }', //11
        '      onSilence: { goto: gone }', //12
        '  b: { do: hangUp }', //13
      ].join('\n'),
    });
    try {
      await assert.rejects(loadMenus(dir, { directory }), (err: unknown) => {
        const m = (err as Error).message;
        assert.match(m, /m\.yaml:5 nodes\.a\.listen\.language: must be a locale such as en-US/);
        assert.match(
          m,
          /m\.yaml:9 nodes\.a\.listen\.choices\[2\]: a choice needs phrases \(words a caller may say\) or a key/,
        );
        assert.match(m, /m\.yaml:10 nodes\.a\.listen\.choices\[3\]\.key: one key: 0-9, \* or #/);
        return true;
      });
      writeFileSync(
        path.join(dir, 'm.yaml'),
        readFileSync(path.join(dir, 'm.yaml'), 'utf8')
          .replace('language: english', 'language: en-GB')
          .replace('{ label: sales, do: hangUp }', '{ label: sales, phrases: [buy], do: hangUp }')
          .replace('key: "12"', 'key: "2"'),
      );
      await assert.rejects(loadMenus(dir, { directory }), (err: unknown) => {
        const m = (err as Error).message;
        assert.match(m, /m\.yaml:7 nodes\.a\.listen\.choices\[0\]\.do\.transfer: "nobody" is not a person/);
        assert.match(
          m,
          /m\.yaml:8 nodes\.a\.listen\.choices\[1\]\.label: "billing" is already a choice of this node/,
        );
        assert.match(m, /m\.yaml:8 nodes\.a\.listen\.choices\[1\]\.key: key "1" is already choice "billing"/);
        assert.match(m, /m\.yaml:11 nodes\.a\.listen\.negative\.do\.goto: there is no node "nowhere"/);
        assert.match(m, /m\.yaml:12 nodes\.a\.listen\.onSilence\.goto: there is no node "gone"/);
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
