// The CallingStorage contract: what calling/storage documents, run against every implementation.
import { callDataCases } from './call-data';
import { flowCases } from './flows';
import { inboxCases } from './inbox';
import { jobsCases } from './jobs';
import { kvCases } from './kv';
import { lockCases } from './locks';
import { meetingCases } from './meetings';
import { queuePolicyCases } from './queue-policies';
import { queueCases } from './queues';
import { recordCases } from './records';
import type { ContractContext, OpenSubject, StorageSubject } from './subject';
import { transactionCases } from './transactions';

export function storageContract(name: string, open: OpenSubject): void {
  describe(`CallingStorage contract [${name}]`, function () {
    this.timeout(20_000);
    let current: StorageSubject | undefined;
    const ctx: ContractContext = {
      get subject() {
        if (!current) throw new Error('storage not open');
        return current;
      },
      get storage() {
        return this.subject.storage;
      },
    };

    before(async function () {
      this.timeout(60_000);
      current = await open();
    });

    beforeEach(async () => {
      current = await ctx.subject.reset();
    });

    after(async () => {
      await current?.close();
    });

    describe('kv', () => kvCases(ctx));
    describe('locks', () => lockCases(ctx));
    describe('jobs', () => jobsCases(ctx));
    describe('call data', () => callDataCases(ctx));
    describe('call inbox', () => inboxCases(ctx));
    describe('transactions and copies', () => transactionCases(ctx));
    describe('flows', () => flowCases(ctx));
    describe('queues', () => queueCases(ctx));
    describe('queue policies', () => queuePolicyCases(ctx));
    describe('meetings', () => meetingCases(ctx));
    describe('call records', () => recordCases(ctx));
  });
}
