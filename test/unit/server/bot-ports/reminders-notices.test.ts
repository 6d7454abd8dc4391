import assert from 'node:assert/strict';
import type { BotNotifier } from '../../../../bot';
import {
  ReminderError,
  type ListRemindersOptions,
  type Reminder,
  type ScheduleReminderRequest,
} from '../../../../calling';
import { createFlowNotifier } from '../../../../server/bot-ports/flow-notifier';
import { createRemindersPort, type ReminderCalls } from '../../../../server/bot-ports/reminders-port';

const adele = { aadObjectId: '86528ee4-da06-4aa2-9aed-32e626300172', name: 'Adele Vance' };
const megan = {
  kind: 'person' as const,
  person: { id: '2c0fd3f4-495a-4f8d-9668-9ce043008303', displayName: 'Megan Bowen' },
};

/** Reminder calls in memory, as the calling module stores them. */
function book(): ReminderCalls & { asked: ScheduleReminderRequest[]; items: Reminder[] } {
  const items: Reminder[] = [];
  const asked: ScheduleReminderRequest[] = [];
  return {
    asked,
    items,
    async schedule(req) {
      asked.push(req);
      const r: Reminder = {
        id: `r${items.length + 1}`,
        who: { kind: 'user', id: req.who, ...(req.name ? { name: req.name } : {}) },
        when: req.when,
        timeZone: req.timeZone,
        dueAt: Date.parse(req.when),
        message: req.message,
        confirm: false,
        retries: { max: 2, backoffMs: [300_000, 600_000] },
        requestedBy: req.requestedBy,
        status: 'scheduled',
        attempts: [],
        notices: [],
        createdAt: 0,
        updatedAt: 0,
      } as unknown as Reminder;
      items.push(r);
      return r;
    },
    get: async (id) => items.find((r) => r.id === id),
    async list(opts?: ListRemindersOptions) {
      const wanted = [opts?.status ?? []].flat();
      return items.filter(
        (r) => r.requestedBy.id === opts?.requestedBy && (wanted.length === 0 || wanted.includes(r.status)),
      );
    },
    async cancel(id) {
      const i = items.findIndex((r) => r.id === id);
      if (items[i]!.status !== 'scheduled') throw new ReminderError('reminder_finished', 'It already ran.');
      items[i] = { ...items[i]!, status: 'cancelled' };
      return items[i]!;
    },
  };
}

describe('bot ports: reminders over the reminder calls', () => {
  it('schedules for the requester, with the chat to report back to', async () => {
    const calls = book();
    const port = createRemindersPort({ reminders: calls });
    const dueAt = Date.parse('2025-04-01T09:00:00Z');
    const r = await port.schedule({
      target: megan,
      dueAt,
      message: 'Standup',
      requestedBy: adele,
      replyTo: 'conv-1',
    });
    assert.deepEqual(calls.asked, [
      {
        who: megan.person.id,
        name: 'Megan Bowen',
        when: '2025-04-01T09:00:00.000Z',
        timeZone: 'UTC',
        message: 'Standup',
        requestedBy: { id: adele.aadObjectId, name: 'Adele Vance', conversationId: 'conv-1' },
      },
    ]);
    assert.deepEqual(r, {
      id: 'r1',
      target: megan,
      dueAt,
      message: 'Standup',
      status: 'scheduled',
      requestedBy: adele,
    });
  });

  it("hands over the requester's time zone, so the notices state times where they are", async () => {
    const calls = book();
    const port = createRemindersPort({ reminders: calls });
    await port.schedule({
      target: megan,
      dueAt: Date.parse('2025-04-01T07:00:00Z'),
      message: 'Standup',
      requestedBy: adele,
      replyTo: 'conv-1',
      timeZone: 'Europe/Paris',
    });
    assert.equal(calls.asked[0]?.timeZone, 'Europe/Paris');
    assert.equal(calls.asked[0]?.when, '2025-04-01T07:00:00.000Z', 'the instant itself is unchanged');
  });

  it('a phone number needs a resource account; a guest cannot keep reminders', async () => {
    const port = createRemindersPort({ reminders: book() });
    const base = { dueAt: 1, message: 'm', replyTo: 'c' };
    await assert.rejects(
      port.schedule({ ...base, target: { kind: 'phone', number: '+14255550123' }, requestedBy: adele }),
      (e: Error & { code?: string }) => e.code === 'pstn_not_configured',
    );
    await assert.rejects(
      port.schedule({ ...base, target: megan, requestedBy: { name: 'Guest' } }),
      (e: Error & { code?: string }) => e.code === 'requester_unknown',
    );
    assert.deepEqual(await port.list({ name: 'Guest' }), []);
  });

  it('lists and cancels only the requester’s pending reminders', async () => {
    const calls = book();
    const port = createRemindersPort({ reminders: calls });
    const req = { target: megan, dueAt: Date.parse('2025-04-01T09:00:00Z'), message: 'm', replyTo: 'c' };
    await port.schedule({ ...req, requestedBy: adele });
    await port.schedule({ ...req, requestedBy: { aadObjectId: 'someone-else', name: 'Alex' } });
    await port.schedule({ ...req, requestedBy: adele });
    calls.items[2] = { ...calls.items[2]!, status: 'done', outcome: 'delivered' } as Reminder;
    assert.deepEqual(
      (await port.list(adele)).map((r) => r.id),
      ['r1'],
    );
    assert.equal(await port.cancel('r2', adele), false, 'not hers');
    assert.equal(await port.cancel('r3', adele), false, 'already made');
    assert.equal(await port.cancel('r1', adele), true);
    assert.deepEqual(await port.list(adele), []);
  });
});

describe('bot ports: flow notices through the bot', () => {
  it('posts to the named chat (or the alerts chat) once the bot is attached', async () => {
    const posted: Array<[unknown, string | undefined]> = [];
    const { notifier, attach } = createFlowNotifier();
    const card = { title: 't', text: 'x', facts: [], callId: '' };
    await assert.rejects(notifier.postCard('conv-1', card), /not ready/);
    const bot: Pick<BotNotifier, 'notice'> = {
      async notice(c, conversationId) {
        posted.push([c, conversationId]);
        return { conversationId: conversationId ?? 'alerts' };
      },
    };
    attach(bot);
    await notifier.postCard('conv-1', card);
    await notifier.postCard('', card);
    assert.deepEqual(
      posted.map(([, to]) => to),
      ['conv-1', undefined],
    );
  });
});
