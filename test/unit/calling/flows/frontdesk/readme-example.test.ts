// README's control-API example does what its comments say with the shipped configuration: its caller
// reaches the main menu at any hour, and the key they press transfers them to someone else, who answers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  decide,
  frontDeskConfigSchema,
  loadFrontDeskConfig,
  type FrontDeskConfig,
} from '../../../../../calling/flows/frontdesk';
import { loadMenus, type MenuSet } from '../../../../../calling/flows/ivr';
import { readConfigFile } from '../../../../../calling/flows/runtime';

const ROOT = path.resolve(__dirname, '../../../../..');

interface SeedPerson {
  id: string;
  displayName: string;
  script?: { onRing?: string };
}

/** The sh block under "The emulator and its control API", line by line (continued lines joined, if asked). */
function controlApiBlock(join = false): string[] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.split('\n## The emulator and its control API\n')[1] ?? '';
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  assert.ok(block, 'README has a sh block under "The emulator and its control API"');
  return (join ? block.replace(/\\\n\s*/g, ' ') : block).trimEnd().split('\n');
}

async function shipped(): Promise<{ config: FrontDeskConfig; menus: MenuSet }> {
  const file = path.join(ROOT, 'config', 'frontdesk.yaml');
  const draft = await readConfigFile(file, frontDeskConfigSchema);
  const menus = await loadMenus(path.join(ROOT, 'config', 'ivr'), {
    directory: { people: draft.people, meetings: draft.meetings },
  });
  return { config: await loadFrontDeskConfig(file, { menuIds: new Set(menus.keys()), menus }), menus };
}

describe("README's control-API example", () => {
  it('is plain lines, each runnable on its own after the ones before', () => {
    for (const line of controlApiBlock()) assert.doesNotMatch(line, /\\$/, `continued line: ${line}`);
  });

  it('its caller reaches the main menu and the key pressed transfers them to someone else who answers', async () => {
    const lines = controlApiBlock(true);
    const people = (
      JSON.parse(readFileSync(path.join(ROOT, 'emulator', 'seed', 'tenant.json'), 'utf8')) as {
        people: SeedPerson[];
      }
    ).people;
    const lookup = lines.map((l) => /^(\w+)=.*displayName === "([^"]+)"/.exec(l)).find(Boolean);
    assert.ok(lookup, 'the example looks up its caller by name');
    const [, variable, name] = lookup;
    const caller = people.find((p) => p.displayName === name);
    assert.ok(caller, `${name} is a seeded person`);
    const scriptLine = lines.find((l) => l.includes(`$E/people/$${variable}/script`));
    const script = JSON.parse(/-d '([^']+)'/.exec(scriptLine ?? '')?.[1] ?? '{}') as {
      keys?: Array<{ tones: string }>;
    };
    const tone = script.keys?.[0]?.tones;
    assert.ok(tone, "the caller's script presses a key");
    const callLine = lines.find((l) => l.includes(`$E/people/$${variable}/call`));
    assert.ok(callLine, 'the caller calls the app');

    const { config, menus } = await shipped();
    const who = { kind: 'user' as const, id: caller.id, displayName: caller.displayName };
    for (const at of ['2026-06-07T10:00:00Z', '2026-06-08T17:00:00Z']) {
      const d = decide(config, { caller: who, at: Date.parse(at), callsInProgress: 0 });
      assert.deepEqual(d.action, { ivr: 'main' }, `${at}: ${d.reason}`);
    }
    // The main menu listens for speech; its keys are the choices that have one.
    const option = menus.get('main')?.nodes['main']?.listen?.choices.find((c) => c.key === tone)?.do;
    assert.ok(option && typeof option === 'object' && 'transfer' in option, `key ${tone} transfers`);
    const target = typeof option.transfer === 'string' ? config.people[option.transfer] : option.transfer;
    assert.ok(target && 'user' in target, 'the transfer goes to a person');
    assert.notEqual(target.user, caller.id, `${name} would be transferred to themselves`);
    const answerer = people.find((p) => p.id === target.user);
    assert.equal(answerer?.script?.onRing, 'answer', `${answerer?.displayName} answers`);
    assert.ok(callLine.includes(answerer.displayName), `the comment names ${answerer.displayName}`);
  });
});
