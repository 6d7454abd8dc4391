import assert from 'node:assert/strict';
import type {
  CallView,
  CoreLogger,
  NotificationCard,
  PlaceCallRequest,
  Reminder,
} from '../../../../../calling';
import { createReminders, type Reminders } from '../../../../../calling';
import { finishAttempt, placeAttempt } from '../../../../../calling/flows/reminders/attempts';
import type { FlowCalling, ReminderContext } from '../../../../../calling/flows/reminders/context';
import { DEFAULT_REMINDER_TIMING } from '../../../../../calling/flows/reminders/context';
import { openStore, type Store } from '../../../../../store';
import { storeTargets } from '../../../store/targets';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';

const silent: CoreLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};

/** A calling service stand-in: counts the calls placed and keeps them ringing. */
function fakeCalling(opts: { failPlace?: boolean } = {}) {
  const placed: PlaceCallRequest[] = [];
  const did: string[] = [];
  const calls = new Map<string, CallView>();
  const api: FlowCalling = {
    async placeCall(req) {
      // A little latency, so concurrent claimers really overlap.
      await new Promise((r) => setTimeout(r, 15));
      if (opts.failPlace) throw new Error('Graph said no');
      placed.push(req);
      const view = {
        id: `call-${placed.length}`,
        state: 'establishing',
        flow: req.flow,
        direction: 'outgoing',
      };
      calls.set(view.id, view as unknown as CallView);
      return view as unknown as CallView;
    },
    getCall: async (id) => calls.get(id),
    timeline: async () => [],
    on: () => () => undefined,
    async playPrompt(_id, prompts) {
      did.push(`play:${[prompts].flat().join('+')}`);
      return {} as never;
    },
    subscribeToTone: async () => ({}) as never,
    async hangUp(id) {
      did.push('hangUp');
      const call = calls.get(id);
      if (call) calls.set(id, { ...call, state: 'terminated' });
    },
    async saveFlow(id, flow) {
      did.push(`save:${(flow as { step: string }).step}`);
      const call = calls.get(id);
      if (call) calls.set(id, { ...call, flow });
    },
  };
  return { api, placed, did, calls };
}

const request = (i: number) => ({
  who: ADELE,
  when: new Date(Date.now() - 1000).toISOString(),
  timeZone: 'UTC',
  message: `reminder ${i}`,
  requestedBy: { id: 'u-1', conversationId: 'conv-1' },
});

for (const target of storeTargets()) {
  describe(`reminders runner [${target.name}]`, function () {
    this.timeout(30_000);
    let store: Store;

    before(async function () {
      this.timeout(60_000);
      await target.setUp();
      store = await openStore(target.options());
    });
    beforeEach(async () => {
      for (const table of ['kv', 'jobs', 'locks'] as const) await store.db.deleteFrom(table).execute();
    });
    after(async () => {
      await store?.close();
      await target.tearDown();
    });

    it('two instances claiming at the same time place each due reminder exactly once', async () => {
      const calling = fakeCalling();
      const instances: Reminders[] = [1, 2].map(() =>
        createReminders({ store, calling: calling.api, logger: silent, timing: { checkIntervalMs: 60_000 } }),
      );
      const scheduled: Reminder[] = [];
      for (let i = 0; i < 12; i++) scheduled.push(await instances[0]!.schedule(request(i)));
      // Several rounds of both instances claiming at once.
      for (let round = 0; round < 3; round++) await Promise.all(instances.map((r) => r.runDue()));

      const perReminder = new Map<string, number>();
      for (const req of calling.placed) {
        const id = (req.flow as { reminderId: string }).reminderId;
        perReminder.set(id, (perReminder.get(id) ?? 0) + 1);
      }
      assert.equal(calling.placed.length, 12);
      for (const r of scheduled) assert.equal(perReminder.get(r.id), 1, `reminder ${r.id} placed once`);
      for (const r of scheduled) {
        const stored = await instances[0]!.get(r.id);
        assert.equal(stored?.status, 'calling');
        assert.equal(stored?.attempts.length, 1);
        assert.ok(stored?.attempts[0]?.callId, 'the call id is recorded');
      }
    });

    it('a reminder whose job is claimed twice (a replaced key, a lease run out) still calls once', async () => {
      const calling = fakeCalling();
      const reminders = createReminders({ store, calling: calling.api, logger: silent });
      const r = await reminders.schedule(request(1));
      const ctx = (owner: string): ReminderContext => ({
        book: reminders.book,
        calling: calling.api,
        logger: silent,
        timing: DEFAULT_REMINDER_TIMING,
        owner,
      });
      const won = await Promise.all(['a', 'b', 'c'].map((o) => placeAttempt(ctx(o), r)));
      assert.deepEqual(won.filter(Boolean).length, 1);
      assert.equal(calling.placed.length, 1);
    });

    it('an attempt ends once: a second end (event and check both seeing it) changes nothing', async () => {
      const calling = fakeCalling();
      const posted: Array<{ target: string; card: NotificationCard }> = [];
      const notifier = {
        postCard: async (target: string, card: NotificationCard) => void posted.push({ target, card }),
      };
      const reminders = createReminders({
        store,
        calling: calling.api,
        logger: silent,
        notifier,
        backoffUnitMs: 1000,
      });
      const r = await reminders.schedule({ ...request(1), retries: { max: 0, backoffMinutes: 1 } });
      await reminders.runDue();
      const ctx: ReminderContext = {
        book: reminders.book,
        calling: calling.api,
        logger: silent,
        timing: DEFAULT_REMINDER_TIMING,
        owner: 'x',
        notifier,
      };
      const end = { reason: 'the callee is unreachable', resultInfo: { code: 480, subcode: 10076 } };
      await Promise.all([finishAttempt(ctx, r.id, 1, end), finishAttempt(ctx, r.id, 1, end)]);
      const done = await reminders.get(r.id);
      assert.equal(done?.outcome, 'escalated');
      assert.deepEqual(
        done?.attempts.map((a) => a.result),
        ['busy'],
      );
      assert.equal(posted.length, 1, 'one escalation posted');
      assert.equal(posted[0]?.target, 'conv-1');
      assert.deepEqual((await store.jobs.list({ kind: 'reminders.tick' })).length, 0, 'no job left');
    });

    it('a call that cannot be placed counts as an attempt and is retried after the backoff', async () => {
      const calling = fakeCalling({ failPlace: true });
      const reminders = createReminders({ store, calling: calling.api, logger: silent, backoffUnitMs: 1000 });
      const r = await reminders.schedule({ ...request(1), retries: { max: 1, backoffMinutes: 30 } });
      const before = Date.now();
      await reminders.runDue();
      const after = await reminders.get(r.id);
      assert.equal(after?.status, 'scheduled');
      assert.equal(after?.attempts[0]?.result, 'failed');
      assert.match(after?.attempts[0]?.reason ?? '', /Graph said no/);
      const job = (await store.jobs.list({ kind: 'reminders.tick' })).find(
        (j) => j.key === `reminder:${r.id}`,
      );
      assert.ok(job && job.dueAt >= before + 30_000, 'the job wakes after the backoff');
      assert.equal(job?.dueAt, after?.nextAttemptAt);
    });

    it('resumes an answered call from its saved step (a restart mid-call): no replay of what was done', async () => {
      const calling = fakeCalling();
      const reminders = createReminders({
        store,
        calling: calling.api,
        logger: silent,
        timing: { confirmWaitMs: 300 },
      });
      const r = await reminders.schedule({ ...request(1), confirm: true });
      await reminders.runDue();
      const placed = (await reminders.get(r.id))!.attempts[0]!;
      // As the instance that drove it left it: answered, message played, waiting for the key.
      const call = calling.calls.get(placed.callId!)!;
      const since = Date.now() - 200;
      calling.calls.set(call.id, {
        ...call,
        state: 'established',
        flow: {
          kind: 'reminder',
          reminderId: r.id,
          attempt: 1,
          step: 'awaiting-confirm',
          confirmSince: since,
        },
      });
      await reminders.book.update(r.id, (cur) => ({
        ...cur,
        attempts: cur.attempts.map((a) => ({ ...a, state: 'answered' as const, answeredAt: since })),
      }));
      await store.jobs.schedule({
        kind: 'reminders.tick',
        key: `reminder:${r.id}`,
        dueAt: Date.now() - 1,
        payload: { reminderId: r.id },
      });
      await reminders.runDue();
      const deadline = Date.now() + 5000;
      while (!calling.did.includes('hangUp') && Date.now() < deadline)
        await new Promise((res) => setTimeout(res, 50));
      assert.deepEqual(calling.did, ['save:closing', 'play:goodbye', 'save:hung-up', 'hangUp']);
    });
  });
}
