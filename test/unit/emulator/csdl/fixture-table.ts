// Reads the good/bad body tables under test/fixtures/emulator/csdl/ and checks them against the model.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allProperties, enumType, formatIssues, structuredType } from '../../../../emulator/csdl';
import type { CsdlModel, ValidationIssue, ValidationOptions } from '../../../../emulator/csdl';
import { FIXTURES } from './shared-model';

export const KINDS = ['unknownProperty', 'wrongType', 'badEnum', 'missingRequired'] as const;
export type Kind = (typeof KINDS)[number];

export interface GoodCase {
  name: string;
  body: unknown;
  options?: ValidationOptions;
}

export interface BadCase extends GoodCase {
  kind: Kind;
  expect: { code: string; path: string };
}

export interface Table {
  file: string;
  spec: string;
  good: GoodCase[];
  bad: BadCase[];
  /** Kinds of bad body this operation cannot receive, each with the reason (checked against the model). */
  notApplicable?: Partial<Record<Kind, string>>;
}

/** Every JSON table in one fixture folder, with its file name. */
export function readTables<T extends Table>(folder: string): T[] {
  const dir = path.join(FIXTURES, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as T), file: f }));
}

/** True when a value of this type can hold an enum somewhere (derived types and items included). */
export function reachesEnum(model: CsdlModel, typeName: string, seen = new Set<string>()): boolean {
  const item = /^Collection\((.+)\)$/.exec(typeName)?.[1];
  if (item) return reachesEnum(model, item, seen);
  if (enumType(model, typeName)) return true;
  const st = structuredType(model, typeName);
  if (!st || seen.has(st.name)) return false;
  seen.add(st.name);
  return (
    allProperties(model, st).some((p) => reachesEnum(model, p.type, seen)) ||
    st.derived.some((d) => reachesEnum(model, d, seen))
  );
}

/** Asserts the outcome of one bad case: exactly one issue, of the expected code, at the expected path. */
export function assertBad(issues: ValidationIssue[], c: BadCase): void {
  assert.equal(issues.length, 1, `expected one issue, got ${JSON.stringify(issues, null, 2)}`);
  const [issue] = issues;
  assert.ok(issue);
  assert.equal(issue.code, c.expect.code, issue.message);
  assert.equal(issue.path, c.expect.path, issue.message);
  const leaf =
    c.expect.path
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? '';
  if (leaf !== '') assert.ok(issue.message.includes(leaf), `message should name '${leaf}': ${issue.message}`);
  const formatted = formatIssues(issues);
  assert.equal(formatted.code, 'BadRequest');
  assert.equal(formatted.message, issue.message);
  assert.equal(formatted.target, issue.path);
}

/** Asserts that each kind of bad body is either present in the table or declared not applicable. */
export function assertKindsCovered(t: Table, applicable: (kind: Kind) => boolean): void {
  for (const kind of KINDS) {
    const has = t.bad.some((b) => b.kind === kind);
    const na = t.notApplicable?.[kind];
    assert.ok(has || na, `${t.file}: no '${kind}' bad body and no reason why not`);
    if (na !== undefined)
      assert.equal(applicable(kind), false, `${t.file}: '${kind}' is said not to apply (${na})`);
  }
}
