import assert from 'node:assert/strict';
import { reminderOfFlow, type Reminder } from '../../../../../calling';
import type { StoredFlow } from '../../../../../calling/flows/runtime';
import { reminderOf } from '../../../../../server/bot-ports/reminders-port';
import { reminderFlow, T0 } from './flow-harness';

// A reminder whose flow failed (a step threw, so the runtime ended the flow) will never call again: it
// must not read "scheduled" or "calling" for ever, in `get`, `list` or the bot's list.
describe('calling/flows/reminders: a reminder whose flow failed', () => {
  const stored = (reminder: Reminder, doneAt?: number): StoredFlow => ({
    key: `reminder:${reminder.id}`,
    kind: 'reminder',
    state: { reminder },
    timers: {},
    tasks: {},
    rev: 3,
    callIds: [],
    createdAt: T0,
    ...(doneAt === undefined ? {} : { doneAt }),
  });

  it('reads as done with the outcome "failed", finished when the flow ended', () => {
    const r = { ...reminderFlow().reminder, status: 'calling' as const };
    const read = reminderOfFlow(stored(r, T0 + 5_000));
    assert.equal(read?.status, 'done');
    assert.equal(read?.outcome, 'failed');
    assert.equal(read?.finishedAt, T0 + 5_000);
    assert.equal(reminderOf(read as Reminder).status, 'failed');
  });

  it('a reminder still running, or one that finished on its own, reads as it is', () => {
    const r = reminderFlow().reminder;
    assert.equal(reminderOfFlow(stored(r))?.status, 'scheduled');
    const confirmed: Reminder = { ...r, status: 'done', outcome: 'confirmed', finishedAt: T0 + 1 };
    assert.deepEqual(reminderOfFlow(stored(confirmed, T0 + 9)), confirmed);
  });
});
