// Command line for scripts/smoke.sh over readme.ts.
//   readme-cli.ts first <README.md>
//     prints three lines: README's first command as written, its install part, its start part
//   readme-cli.ts control <README.md> <out dir> <readme app port> <app port> <readme emulator port> <emulator port>
//     writes the control-API example's commands to <out dir>/01.sh, 02.sh, ... with localhost ports
//     retargeted, and prints how many there are
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { firstCommand, retargetPorts, sectionCommands } from './readme';

const CONTROL_SECTION = 'The emulator and its control API';

function main(argv: string[]): void {
  const [what, readme, ...rest] = argv;
  if (!readme) throw new Error('usage: readme-cli.ts first|control <README.md> ...');
  const markdown = readFileSync(readme, 'utf8');
  if (what === 'first') {
    const first = firstCommand(markdown);
    process.stdout.write(`${first.line}\n${first.install}\n${first.start}\n`);
    return;
  }
  if (what === 'control') {
    const [outDir, ...portArgs] = rest;
    const ports = portArgs.map(Number);
    if (!outDir || ports.length !== 4 || ports.some((p) => !Number.isInteger(p))) {
      throw new Error('usage: readme-cli.ts control <README.md> <out dir> <from> <to> <from> <to>');
    }
    const pairs: Array<[number, number]> = [
      [ports[0] ?? 0, ports[1] ?? 0],
      [ports[2] ?? 0, ports[3] ?? 0],
    ];
    const commands = sectionCommands(markdown, CONTROL_SECTION).map((c) => retargetPorts(c, pairs));
    mkdirSync(outDir, { recursive: true });
    commands.forEach((c, i) => writeFileSync(path.join(outDir, `${String(i + 1).padStart(2, '0')}.sh`), c));
    process.stdout.write(`${commands.length}\n`);
    return;
  }
  throw new Error(`unknown command "${what}"; use first or control`);
}

try {
  main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`smoke: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
