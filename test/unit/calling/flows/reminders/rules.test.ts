import assert from 'node:assert/strict';
import { ReminderError, unansweredResult } from '../../../../../calling/flows/reminders';
import { answeredResult, nextStep } from '../../../../../calling/flows/reminders/policy';
import { backoffMs, newReminder } from '../../../../../calling/flows/reminders/validate';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const NOW = Date.parse('2025-03-01T12:00:00Z');
const ctx = { id: 'r1', now: NOW, backoffUnitMs: 60_000 };
const base = {
  who: ADELE,
  when: '2025-03-02T09:00',
  timeZone: 'Europe/Paris',
  message: 'Stand-up in five minutes',
  requestedBy: { id: 'u-1', name: 'Megan' },
};

describe('reminders: a schedule request becomes a record', () => {
  it('keeps the time, zone, target and a retry plan in milliseconds', () => {
    const r = newReminder(
      { ...base, name: 'Adele Vance', confirm: true, retries: { max: 3, backoffMinutes: 5 } },
      ctx,
    );
    assert.equal(r.dueAt, Date.parse('2025-03-02T08:00:00Z'));
    assert.equal(r.nextAttemptAt, r.dueAt);
    assert.deepEqual(r.who, { kind: 'user', id: ADELE, name: 'Adele Vance' });
    assert.deepEqual(r.retries, { max: 3, backoffMs: [300_000, 600_000, 1_200_000] });
    assert.equal(r.status, 'scheduled');
    assert.equal(r.confirm, true);
  });

  it('backoff: a list gives each wait, the last repeats; the unit is configurable', () => {
    assert.deepEqual(backoffMs({ max: 4, backoffMinutes: [1, 3] }, 1000), [1000, 3000, 3000, 3000]);
    assert.deepEqual(backoffMs({ max: 2, backoffMinutes: 2 }, 1000), [2000, 4000]);
    assert.deepEqual(backoffMs({ max: 0, backoffMinutes: 2 }, 1000), []);
  });

  it('refuses bad requests with a code and a message saying what to fix', () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ who: 'Adele' }, /neither a person's object id nor a phone number/],
      [{ timeZone: 'Paris' }, /not a time zone/],
      [{ when: 'tomorrow at 9' }, /is not a time/],
      [{ when: '2025-02-01T09:00' }, /already passed/],
      [{ who: '+14255550100' }, /needs a resource account/],
      [{ retries: { max: 11, backoffMinutes: 1 } }, /retries\.max/],
      [{ message: '  ' }, /message/],
      [{ extra: true }, /not right/],
    ];
    for (const [change, message] of cases) {
      assert.throws(
        () => newReminder({ ...base, ...change } as never, ctx),
        (err: unknown) =>
          err instanceof ReminderError && err.code === 'invalid_reminder' && message.test(err.message),
        JSON.stringify(change),
      );
    }
  });

  it('calls a phone number from the resource account given or the default one', () => {
    const r = newReminder(
      { ...base, who: '+14255550100' },
      { ...ctx, defaultFrom: { applicationInstance: 'ra-1' } },
    );
    assert.deepEqual(r.who, { kind: 'phone', number: '+14255550100' });
    assert.deepEqual(r.from, { applicationInstance: 'ra-1' });
  });
});

describe('reminders: what an attempt means and what follows', () => {
  it('reads unanswered ends from their codes', () => {
    assert.equal(unansweredResult({ code: 480, subcode: 10076 }), 'busy');
    assert.equal(unansweredResult({ code: 480, subcode: 10134 }), 'declined');
    assert.equal(unansweredResult({ code: 408, subcode: 10057 }), 'no-answer');
    assert.equal(unansweredResult({ code: 200, subcode: 5001 }), 'no-answer');
    assert.equal(unansweredResult({ code: 480, subcode: 10037 }), 'failed');
  });

  it('reads them as the one catalogue of outcomes does, so chat and reminders agree', () => {
    // SIP's own answers: 486 Busy Here, 603 Decline.
    assert.equal(unansweredResult({ code: 486, subcode: 0 }), 'busy');
    assert.equal(unansweredResult({ code: 603, subcode: 0 }), 'declined');
    // A tenant that has not set the app up is not a person who did not answer.
    assert.equal(unansweredResult({ code: 403, subcode: 7504 }), 'failed');
    assert.equal(unansweredResult({ code: 200, subcode: 7504 }), 'failed');
    assert.equal(answeredResult(true, true), 'confirmed');
    assert.equal(answeredResult(true, false), 'answered-no-confirm');
    assert.equal(answeredResult(false, false), 'delivered');
  });

  it('retries with the planned waits up to the limit, then escalates; an answer ends it', () => {
    const r = { retries: { max: 2, backoffMs: [1000, 5000] } };
    assert.deepEqual(nextStep(r, 1, 'no-answer', 100), { kind: 'retry', at: 1100 });
    assert.deepEqual(nextStep(r, 2, 'busy', 100), { kind: 'retry', at: 5100 });
    assert.deepEqual(nextStep(r, 3, 'declined', 100), { kind: 'escalate' });
    assert.deepEqual(nextStep(r, 1, 'confirmed', 100), { kind: 'done', outcome: 'confirmed' });
    assert.deepEqual(nextStep(r, 3, 'answered-no-confirm', 100), {
      kind: 'done',
      outcome: 'answered-no-confirm',
    });
    assert.deepEqual(nextStep({ retries: { max: 0, backoffMs: [] } }, 1, 'failed', 0), { kind: 'escalate' });
  });
});
