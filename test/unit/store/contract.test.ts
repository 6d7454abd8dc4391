import { openStore } from '../../../store';
import type { Store } from '../../../store';
import { botStorageCases } from './cases/bot-storage';
import { flowCases } from './cases/flows';
import type { ContractContext } from './cases/context';
import { jobsCases } from './cases/jobs';
import { kvCases } from './cases/kv';
import { lockCases } from './cases/locks';
import { migrationCases } from './cases/migrations';
import { storeTargets } from './targets';

// The same cases run against each real database, so the two stay interchangeable.
for (const target of storeTargets()) {
  describe(`store contract [${target.name}]`, function () {
    this.timeout(15_000);
    let opened: Store | undefined;
    const ctx: ContractContext = {
      target,
      get store() {
        if (!opened) throw new Error('store not open');
        return opened;
      },
    };

    before(async function () {
      this.timeout(60_000);
      await target.setUp();
      opened = await openStore(target.options());
    });

    beforeEach(async () => {
      const { db } = ctx.store;
      await db.deleteFrom('kv').execute();
      await db.deleteFrom('locks').execute();
      await db.deleteFrom('jobs').execute();
    });

    after(async () => {
      await opened?.close();
      await target.tearDown();
    });

    it(`reports kind ${target.name} and answers ping`, async () => {
      if (ctx.store.kind !== target.name)
        throw new Error(`opened ${ctx.store.kind}, expected ${target.name}`);
      await ctx.store.ping();
    });

    describe('kv', () => kvCases(ctx));
    describe('locks', () => lockCases(ctx));
    describe('jobs', () => jobsCases(ctx));
    describe('botbuilder Storage', () => botStorageCases(ctx));
    describe('migrations', () => migrationCases(ctx));
    describe('flows, instances and leases', () => flowCases(ctx));
  });
}
