import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createCallData, openStore, rewriteCallJson } from '../../../store';
import type { CallData } from '../../../calling';
import { storeOnTarget, storeTargets } from './targets';
import { repoCall, storedOperation } from '../../helpers/stored-call';

const call = repoCall;
const op = storedOperation;

for (const target of storeTargets()) {
  // What the interface promises is in the storage contract; here, what only a database has.
  describe(`store calls repositories [${target.name}]`, function () {
    this.timeout(15_000);
    const store = storeOnTarget(target, ['calls', 'call_inbox', 'call_operations', 'call_timeline']);
    let data: CallData;

    before(() => {
      data = createCallData(store());
    });

    it('reads the normalised id as the spelling of a row written before spellings were kept', async () => {
      await data.calls.insert(call('c1'));
      await store().db.updateTable('calls').set({ wire_id: null }).where('id', '=', 'c1').execute();
      assert.equal((await data.calls.get('c1'))?.wireId, 'c1');
    });

    it('keeps everything across a reopen of the database', async () => {
      await data.calls.insert(call('kept'));
      await data.inbox.append([
        { callId: 'kept', tenantId: 't', receivedAt: 1, notification: {}, contentHash: 'h' },
      ]);
      const again = await openStore(target.options());
      try {
        const other = createCallData(again);
        assert.equal((await other.calls.get('kept'))?.id, 'kept');
        assert.equal((await other.inbox.pending('kept')).length, 1);
      } finally {
        await again.close();
      }
    });

    // SQLite keeps old bytes in free pages and its write-ahead log unless told otherwise.
    if (target.name === 'sqlite')
      it('leaves no copy of rewritten JSON in the database file or its log', async () => {
        const secret = 'tok-erase-me-7f3a';
        await data.operations.insert(
          op('op-1', { callId: 'c1', resource: { recordingAccessToken: secret } }),
        );
        await data.inbox.append([
          { callId: 'c1', tenantId: 't', receivedAt: 1, notification: { token: secret }, contentHash: 'h' },
        ]);
        await data.timeline.add([
          { callId: 'c1', at: 1, kind: 'notification', summary: 's', data: { secret } },
        ]);
        const rewrite = (text: string) => text.split(secret).join('[gone]');
        assert.equal(await rewriteCallJson(store(), 'c1', { mentioning: [secret], rewrite }), 3);
        const file = target.options().sqlitePath!;
        for (const f of [file, `${file}-wal`]) {
          if (existsSync(f)) assert.equal(readFileSync(f).includes(secret), false, `${f} still holds it`);
        }
      });
  });
}
