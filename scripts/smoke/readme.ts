// The commands a newcomer copies from README.md, read from README.md itself so that the smoke test runs
// what the README says today, not what it said when the smoke was written.

export interface ShBlock {
  /** The `##` heading the block sits under ('' before the first heading). */
  section: string;
  lines: string[];
}

export interface FirstCommand {
  /** The README line as written, comment included. */
  line: string;
  install: string;
  start: string;
}

/** Every fenced `sh` block, with the section it belongs to. */
export function shBlocks(markdown: string): ShBlock[] {
  const blocks: ShBlock[] = [];
  let section = '';
  let open: ShBlock | undefined;
  for (const raw of markdown.split(/\r?\n/)) {
    if (open) {
      if (/^\s*```\s*$/.test(raw)) {
        blocks.push(open);
        open = undefined;
      } else open.lines.push(raw);
      continue;
    }
    const heading = /^##\s+(.+?)\s*$/.exec(raw);
    if (heading?.[1]) section = heading[1];
    if (/^\s*```(sh|bash|shell)\s*$/.test(raw)) open = { section, lines: [] };
  }
  return blocks;
}

/** The line without a trailing shell comment (a `#` after whitespace, outside quotes). */
export function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1] ?? ''))) return line.slice(0, i).trimEnd();
  }
  return line.trimEnd();
}

/** README's first command (first line of the first sh block): `<install> && <start>`. */
export function firstCommand(markdown: string): FirstCommand {
  const line = shBlocks(markdown)[0]?.lines.find((l) => l.trim() !== '');
  if (!line) throw new Error('README.md has no ```sh block with a command in it');
  const parts = withoutComment(line)
    .split('&&')
    .map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new Error(`README.md's first command is not "<install> && <start>": ${line}`);
  }
  return { line, install: parts[0], start: parts[1] };
}

/**
 * The commands of the first sh block under `section`, one per entry as a person pastes them: a line
 * ending in a backslash carries on into the next one. Blank lines are dropped.
 */
export function sectionCommands(markdown: string, section: string): string[] {
  const block = shBlocks(markdown).find((b) => b.section === section);
  if (!block) throw new Error(`README.md has no \`\`\`sh block in the section "${section}"`);
  const commands: string[] = [];
  let pending: string[] = [];
  for (const line of block.lines) {
    if (pending.length === 0 && line.trim() === '') continue;
    pending.push(line);
    if (!/\\\s*$/.test(line)) {
      commands.push(pending.join('\n'));
      pending = [];
    }
  }
  if (pending.length) commands.push(pending.join('\n'));
  if (commands.length === 0) throw new Error(`README.md's sh block in "${section}" is empty`);
  return commands;
}

/** Points `localhost:<from>` at `localhost:<to>` for every port pair that differs. */
export function retargetPorts(command: string, ports: ReadonlyArray<readonly [number, number]>): string {
  let out = command;
  for (const [from, to] of ports) {
    if (from !== to) out = out.replace(new RegExp(`localhost:${from}(?!\\d)`, 'g'), `localhost:${to}`);
  }
  return out;
}
