import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { StoreConfigError, migrationNames, openStore } from '../../../../store';
import type { Store } from '../../../../store';
import type { ContractContext } from './context';

async function appliedMigrations(store: Store): Promise<string[]> {
  const result = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    store.db,
  );
  return result.rows.map((r) => r.name);
}

let freshCount = 0;

/** Migration cases shared by every database. */
export function migrationCases(ctx: ContractContext): void {
  it('reopening runs nothing twice and keeps the data', async () => {
    await ctx.store.kv.put('survives', 'k', { kept: true });
    const again = await openStore(ctx.target.options());
    try {
      assert.deepEqual(await appliedMigrations(again), migrationNames());
      assert.deepEqual((await again.kv.get('survives', 'k'))?.value, { kept: true });
    } finally {
      await again.close();
    }
  });

  it('migrates a fresh database opened twice at the same time', async () => {
    const options = await ctx.target.fresh(`fresh_${process.pid}_${++freshCount}`);
    const [a, b] = await Promise.all([openStore(options), openStore(options)]);
    try {
      assert.deepEqual(await appliedMigrations(a), migrationNames());
      await a.kv.put('shared', 'k', 1);
      assert.equal((await b.kv.get('shared', 'k'))?.value, 1);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('rolls back a failed migration as a whole and says so', async () => {
    const options = await ctx.target.fresh(`broken_${process.pid}_${++freshCount}`);
    // A foreign table named like the last one the first migration creates makes it fail midway.
    await ctx.target.exec(options, 'create table jobs (foreign_column integer)');
    await assert.rejects(openStore(options), (error: unknown) => {
      assert.ok(error instanceof StoreConfigError);
      assert.equal(error.code, 'STORE_CONFIG');
      assert.match(error.message, /migration "0001_kv_locks_jobs" failed and was rolled back/);
      return true;
    });
    const tables = await ctx.target.tables(options);
    assert.ok(tables.includes('jobs'));
    assert.ok(
      !tables.includes('kv') && !tables.includes('locks'),
      `partial schema left: ${tables.join(', ')}`,
    );
  });

  it('close is idempotent and later calls fail', async () => {
    const extra = await openStore(ctx.target.options());
    await extra.ping();
    await extra.close();
    await extra.close();
    await assert.rejects(extra.ping());
  });
}
