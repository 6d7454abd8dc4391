// Usage: log-check-cli.ts <log file>: prints what log-check.ts finds; exits 1 on a bad line.
import { readFileSync } from 'node:fs';
import { scanLog } from './log-check';

const [file] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: log-check-cli.ts <log file>\n');
  process.exit(2);
}
const { bad, errors } = scanLog(readFileSync(file, 'utf8'));
for (const e of errors.slice(0, 10)) process.stdout.write(`smoke:     logged error, line ${e}\n`);
for (const b of bad.slice(0, 20)) process.stdout.write(`smoke:   ✗ line ${b}\n`);
if (bad.length > 20) process.stdout.write(`smoke:   ✗ … and ${bad.length - 20} more\n`);
process.exit(bad.length ? 1 : 0);
