import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  firstCommand,
  retargetPorts,
  sectionCommands,
  shBlocks,
  withoutComment,
} from '../../../scripts/smoke/readme';

const readme = readFileSync(path.join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

describe('smoke: README commands', () => {
  it("splits README's first command into its install and start parts", () => {
    const first = firstCommand(readme);
    assert.equal(first.install, 'npm install');
    assert.equal(first.start, 'npm start');
  });

  it('refuses a first command that is not "<install> && <start>"', () => {
    assert.throws(() => firstCommand('```sh\nnpm start   # go\n```\n'), /not "<install> && <start>"/);
    assert.throws(() => firstCommand('# nothing to run\n'), /no ```sh block/);
  });

  it('reads the control-API example from its section', () => {
    const commands = sectionCommands(readme, 'The emulator and its control API');
    assert.match(commands[0] ?? '', /^E=http:\/\/localhost:3979\/emulator$/);
    assert.ok(
      commands.some((c) => c.includes('/script')),
      'the example gives a caller a script',
    );
    assert.ok(
      commands.some((c) => /\/call\b/.test(c)),
      'the example places a call',
    );
  });

  it('keeps blocks apart by section and refuses a missing one', () => {
    const md = '## A\n```sh\na1\n```\n## B\n```bash\nb1 \\\n  b2\n\nb3\n```\n';
    assert.deepEqual(
      shBlocks(md).map((b) => b.section),
      ['A', 'B'],
    );
    assert.deepEqual(sectionCommands(md, 'B'), ['b1 \\\n  b2', 'b3']);
    assert.throws(() => sectionCommands(md, 'C'), /no ```sh block in the section "C"/);
  });

  it('drops a trailing comment but not a # inside quotes or a word', () => {
    assert.equal(withoutComment('npm install && npm start   # run it'), 'npm install && npm start');
    assert.equal(withoutComment(`echo '# kept' "a # b" x#y`), `echo '# kept' "a # b" x#y`);
  });

  it('retargets localhost ports, and only whole ones', () => {
    const pairs: Array<[number, number]> = [
      [3978, 5278],
      [3979, 5279],
    ];
    assert.equal(
      retargetPorts('http://localhost:3979/e http://localhost:3978 localhost:39790', pairs),
      'http://localhost:5279/e http://localhost:5278 localhost:39790',
    );
    assert.equal(retargetPorts('localhost:3979', [[3979, 3979]]), 'localhost:3979');
  });
});
