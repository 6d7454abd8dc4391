import assert from 'node:assert/strict';
import path from 'node:path';
import { CATALOG } from '../../../bot/commands/catalog';
import {
  botCommandDescriptions,
  buildAppPackage,
  buildCommandLists,
  describeCommands,
} from '../../../manifest';

const ROOT = path.join(__dirname, '../../..');
const ENV = {
  MicrosoftAppId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  PUBLIC_URL: 'https://switchboard.example.com',
};

describe('manifest commandLists', () => {
  it("equal the bot's command catalog, in its order, in every scope the bot offers", async () => {
    const { manifest } = await buildAppPackage({ cwd: ROOT, env: ENV, commands: describeCommands(CATALOG) });
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    const menu = CATALOG.filter((c) => c.menu !== false);
    assert.deepEqual(
      lists.map((l) => l.scopes),
      [['personal'], ['team'], ['groupChat']],
    );
    for (const list of lists) {
      assert.deepEqual(
        list.commands.map((c) => c.title),
        menu.map((c) => c.name),
      );
      list.commands.forEach((cmd, i) => {
        const entry = menu[i];
        assert.ok(
          entry && cmd.description?.includes(entry.summary),
          `${cmd.title}: description lacks the summary`,
        );
        assert.ok(
          cmd.description?.startsWith(entry.usage) || cmd.description === entry.summary,
          cmd.description,
        );
      });
    }
  });

  it("is what npm run package and the doctor use: the bot's exported catalog", () => {
    assert.deepEqual(botCommandDescriptions(), describeCommands(CATALOG));
  });

  it("maps the bot's conversation types to manifest scopes", () => {
    const [d] = describeCommands([
      { name: 'join', usage: 'join <link>', summary: 'Joins.', scopes: ['groupChat', 'channel'] },
    ]);
    assert.deepEqual(d, { title: 'join', description: 'join <link>: Joins.', scopes: ['groupChat', 'team'] });
    const [h, ...rest] = describeCommands([
      { name: 'help', usage: 'help', summary: 'This list.' },
      { name: 'meeting', usage: 'meeting cancel', summary: 'Cancels.', menu: false },
    ]);
    assert.deepEqual(rest, [], 'an entry kept out of the menu is not listed');
    assert.deepEqual(h, {
      title: 'help',
      description: 'This list.',
      scopes: ['personal', 'team', 'groupChat'],
    });
  });

  it('refuses commands in a scope the bot does not declare', () => {
    const { problems } = buildCommandLists(
      [{ title: 'x', description: 'y', scopes: ['team'] }],
      ['personal'],
    );
    assert.deepEqual(problems, [
      {
        field: 'bots[0].commandLists[0]',
        message: 'lists commands for scope "team" but bots[0].scopes does not include it',
      },
    ]);
  });
});
