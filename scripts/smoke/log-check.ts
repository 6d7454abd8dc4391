// Reads `npm start`'s output for what must never be there: fatal lines, anything unhandled or uncaught,
// and the raw stack trace Node prints when it dies of an error. Logged errors (level 50) are listed apart:
// a flow may log one for a call that went wrong and carry on.

export interface LogVerdict {
  /** Lines that fail the smoke, with their line numbers. */
  bad: string[];
  /** Error-level lines, for the smoke's output only. */
  errors: string[];
}

const WORDS = /\b(unhandled|uncaught)\b/i;
const RAW = [
  WORDS,
  /^\s+at .+:\d+:\d+\)?\s*$/, // a stack frame outside any log line: something threw all the way up
  /^Node\.js v\d+/, // what Node prints under a fatal error
  /^npm (error|ERR!)/,
];

function jsonLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function scanLog(text: string): LogVerdict {
  const bad: string[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const at = `${i + 1}: ${line.length > 400 ? `${line.slice(0, 400)}…` : line}`;
    const json = jsonLine(line);
    if (json) {
      const level = typeof json.level === 'number' ? json.level : 0;
      const err = json.err as { message?: unknown } | undefined;
      const words = `${String(json.msg ?? '')} ${String(err?.message ?? '')}`;
      if (level >= 60 || WORDS.test(words)) bad.push(at);
      else if (level >= 50) errors.push(at);
    } else if (RAW.some((re) => re.test(line))) bad.push(at);
  });
  return { bad, errors };
}
