// Reads a YAML or JSON configuration file against a zod schema and reports problems by file, line and
// key ("config/ivr/main.yaml:14 nodes.menu.collect.options.7.goto: ..."), so a person can fix the file.
import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';

/** A problem at a key path (from the schema or from a cross-reference check). */
export interface ConfigIssue {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

/** A configuration that cannot be used; `issues` lists every problem with its line. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
  readonly code = 'config_invalid';
  constructor(
    readonly file: string,
    readonly issues: ReadonlyArray<ConfigIssue & { line?: number }>,
  ) {
    super(
      `${file} is not valid:\n${issues
        .map(
          (i) => `  ${file}${i.line ? `:${i.line}` : ''} ${keyPath(i.path) || '(top level)'}: ${i.message}`,
        )
        .join('\n')}`,
    );
  }
}

/** Dotted key path as a person reads it. */
export function keyPath(path: ReadonlyArray<string | number | symbol>): string {
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replace(/\.\[/g, '[');
}

function lineOf(
  root: unknown,
  path: ReadonlyArray<string | number>,
  counter: LineCounter,
): number | undefined {
  let node = root as Node | null | undefined;
  let offset: number | undefined = (node as { range?: [number] } | undefined)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : counter.linePos(offset).line;
}

/** Validates already-parsed text; `check` adds cross-reference problems once the schema passed. */
export function parseConfigText<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  check?: (value: z.infer<S>) => ConfigIssue[],
): z.infer<S> {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigFileError(
      file,
      doc.errors.map((e) => ({
        path: [],
        message: e.message.split('\n')[0] ?? e.message,
        line: counter.linePos(e.pos[0]).line,
      })),
    );
  }
  const parsed = schema.safeParse(doc.toJS());
  const locate = (issues: ConfigIssue[]) =>
    issues.map((i) => {
      const line = lineOf(doc.contents, i.path, counter);
      return line === undefined ? i : { ...i, line };
    });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
      const keys = (i as { keys?: string[] }).keys;
      // An unknown key is reported at the key itself.
      if (i.code === 'unrecognized_keys' && keys?.[0]) {
        return {
          path: [...path, keys[0]],
          message: `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`,
        };
      }
      return { path, message: i.message };
    });
    throw new ConfigFileError(file, locate(issues));
  }
  const problems = check ? check(parsed.data) : [];
  if (problems.length > 0) throw new ConfigFileError(file, locate(problems));
  return parsed.data;
}

/** Reads and validates a YAML (or JSON) file. */
export async function readConfigFile<S extends z.ZodType>(
  file: string,
  schema: S,
  check?: (value: z.infer<S>) => ConfigIssue[],
): Promise<z.infer<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ConfigFileError(file, [
      { path: [], message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` },
    ]);
  }
  return parseConfigText(text, file, schema, check);
}

/** Validates a value that did not come from a file (an edit made at run time). */
export function validateValue<S extends z.ZodType>(
  value: unknown,
  what: string,
  schema: S,
  check?: (value: z.infer<S>) => ConfigIssue[],
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ConfigFileError(
      what,
      parsed.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        message: i.message,
      })),
    );
  }
  const problems = check ? check(parsed.data) : [];
  if (problems.length > 0) throw new ConfigFileError(what, problems);
  return parsed.data;
}
