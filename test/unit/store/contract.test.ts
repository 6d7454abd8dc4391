import { openStore } from '../../../store';
import type { Store } from '../../../store';
import { botStorageCases } from './cases/bot-storage';
import type { ContractContext } from './cases/context';
import { instanceCases } from './cases/instances';
import { migrationCases } from './cases/migrations';
import { storageContract } from './contract/suite';
import { memorySubject, sqlSubject } from './contract/subjects';
import { storeTargets } from './targets';

// The calling module's storage interface, held to one contract by every implementation, so they stay
// interchangeable. Memory differs only where one process cannot be several: its instances are this one
// alone, and a second handle on its data is the same storage (the cases say where).
storageContract('memory', memorySubject);
for (const target of storeTargets()) storageContract(target.name, sqlSubject(target));

// What only the SQL store has: databases shared by processes, migrations, and botbuilder's Storage.
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

    describe('botbuilder Storage', () => botStorageCases(ctx));
    describe('migrations', () => migrationCases(ctx));
    describe('instances and the leases of dead ones', () => instanceCases(ctx));
  });
}
