import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './types';

/**
 * A query built and compiled by Kysely once, then run with new parameters. The calling core's statements
 * run for every notification received and every batch processed; rebuilding and recompiling them each
 * time cost more than the database spent executing them.
 */
export interface Prepared<A extends readonly unknown[]> {
  (...args: A): CompiledQuery;
}

/**
 * Turns a query compiled with placeholder values into a function of the real ones. Each placeholder is a
 * value no caller would pass; where it landed among the compiled parameters is its slot. Other parameters
 * (a constant) keep their compiled value.
 */
export function prepare<A extends readonly unknown[]>(compiled: CompiledQuery, placeholders: A): Prepared<A> {
  const slots = compiled.parameters.map((p) => placeholders.indexOf(p));
  const used = slots.filter((i) => i >= 0);
  if (used.length !== placeholders.length || new Set(used).size !== placeholders.length) {
    throw new Error(`cannot prepare "${compiled.sql}": each placeholder must be one parameter`);
  }
  // The SQL and the parameters only: the compiled query's tree of nodes is not kept.
  const { sql, parameters: fixed } = compiled;
  return (...args) =>
    CompiledQuery.raw(
      sql,
      slots.map((i, k) => (i >= 0 ? args[i] : fixed[k])),
    );
}

const S = '\u0000placeholder:';

/** A placeholder string no caller passes, for the parameter `name`. */
export function placeholder(name: string): string {
  return `${S}${name}`;
}

/** `n` distinct placeholder strings, for the values of a list. */
export function placeholders(n: number, name: string): string[] {
  return Array.from({ length: n }, (_, i) => placeholder(`${name}:${i}`));
}

/** A placeholder number no caller passes (a limit, a time). */
export const NUMBER_PLACEHOLDER = -987_654_321;

/** `n` distinct placeholder numbers (for a list of ids), none equal to NUMBER_PLACEHOLDER. */
export function numberPlaceholders(n: number): number[] {
  return Array.from({ length: n }, (_, i) => NUMBER_PLACEHOLDER - 1 - i);
}

/**
 * Statements whose SQL depends on a shape (how many values a list has, which columns are set), compiled
 * once per shape and per database kind: a transaction shares its database's adapter, so it shares these.
 * Shapes are few in practice (lists are bounded by the batch size), and each is kept for the process's life.
 */
export function preparedByShape<A extends readonly unknown[]>(
  build: (db: Kysely<Database>, shape: string) => Prepared<A>,
): (db: Kysely<Database>, shape: string) => Prepared<A> {
  const perAdapter = new WeakMap<object, Map<string, Prepared<A>>>();
  return (db, shape) => {
    const adapter = db.getExecutor().adapter;
    let byShape = perAdapter.get(adapter);
    if (!byShape) perAdapter.set(adapter, (byShape = new Map()));
    let prepared = byShape.get(shape);
    if (!prepared) byShape.set(shape, (prepared = build(db, shape)));
    return prepared;
  };
}

/**
 * The length a list of `n` values is sent as: the next power of two. A statement over a list is compiled
 * and prepared once per length and kept, by Kysely's compiled form here and by SQLite's statement cache;
 * batches of every length up to the batch bound came up as load rose, and their statements were most of
 * what the heap grew by with the number of live calls. Rounded up, each statement has at most ten lengths.
 */
export function listLength(n: number): number {
  return n <= 1 ? 1 : 2 ** Math.ceil(Math.log2(n));
}

/** `values` with its last value repeated up to listLength: for `in` lists, where a repeat changes nothing. */
export function padded<T>(values: readonly T[]): T[] {
  const last = values[values.length - 1];
  const out = [...values];
  if (last === undefined) return out;
  for (let i = values.length; i < listLength(values.length); i++) out.push(last);
  return out;
}

/** `values` cut into runs whose lengths are powers of two, longest first: for rows, which must not repeat. */
export function powerOfTwoRuns<T>(values: readonly T[]): T[][] {
  const runs: T[][] = [];
  let at = 0;
  while (at < values.length) {
    const left = values.length - at;
    const size = 2 ** Math.floor(Math.log2(left));
    runs.push(values.slice(at, at + size));
    at += size;
  }
  return runs;
}
