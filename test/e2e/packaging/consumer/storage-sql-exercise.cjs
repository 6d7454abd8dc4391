// What a project does with the installed storage package, whichever way it loaded it: open a store (a
// SQLite file, or PostgreSQL when given a URL), keep a call, an inbox row and a kv entry through calling's
// CallingStorage, take a call's lock, close it, open it again and read the call back. It answers what it
// saw, for the test to compare.
const path = require('node:path');

const CALL = '2f1a0c00-7e4d-4b9a-a5c3-9d8e6f4b2a10';
const AT = 1_700_000_000_000;

function newCall() {
  return {
    id: CALL,
    wireId: CALL.toUpperCase(),
    tenantId: 'tenant-a',
    direction: 'incoming',
    state: 'incoming',
    resource: { id: CALL, state: 'incoming' },
    myParticipantId: null,
    participants: [],
    marks: {},
    flow: null,
    scenarioId: null,
    createdAt: AT,
    updatedAt: AT,
    lastNotifiedAt: null,
    endedAt: null,
    endCode: null,
    endSubcode: null,
    endReason: null,
    meta: {},
    version: 1,
  };
}

module.exports = async function exercise(storage, where) {
  const opts = { databaseUrl: where.databaseUrl, sqlitePath: where.sqlitePath };
  const store = await storage.openStore(opts);
  let seen;
  try {
    const inserted = await store.callData.calls.insert(newCall());
    const [seq] = await store.callData.inbox.append([
      {
        callId: CALL,
        tenantId: 'tenant-a',
        receivedAt: AT,
        notification: { changeType: 'created' },
        contentHash: 'h1',
      },
    ]);
    const pending = await store.callData.inbox.pending(CALL);
    const version = await store.kv.put('consumer', 'greeting', { text: 'hello' });
    let conflict;
    try {
      await store.kv.put('consumer', 'greeting', { text: 'again' }, { expectedVersion: 0 });
    } catch (err) {
      conflict = [err instanceof storage.StoreConflictError, err.code];
    }
    const locked = await store.locks.withLock(`call:${CALL}`, async ({ key }) => key);
    seen = {
      kind: store.kind,
      inserted,
      inbox: pending.map((row) => [row.seq === seq, row.kind, row.notification]),
      kv: [version, (await store.kv.get('consumer', 'greeting'))?.value],
      conflict,
      locked,
    };
  } finally {
    await store.close();
  }
  const again = await storage.openStore(opts);
  try {
    const call = await again.callData.calls.get(CALL);
    seen.reopened = [call?.wireId, call?.state, call?.resource];
  } finally {
    await again.close();
  }
  // The store's own imports of calling (its statement batches, the queue policies) reach the project's copy.
  const fromStore = require.resolve('@switchboard/calling', {
    paths: [path.dirname(require.resolve('@switchboard/storage-sql'))],
  });
  seen.oneCalling = fromStore === require.resolve('@switchboard/calling');
  return seen;
};
