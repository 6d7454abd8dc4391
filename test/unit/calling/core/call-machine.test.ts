import assert from 'node:assert/strict';
import { CALL_EVENTS, CALL_MACHINE, CALL_STATES, decide } from '../../../../calling/core/call-machine';
import type { CallEvent, CallState } from '../../../../calling/core/call-machine';
import { reduceCall } from '../../../../calling/core/reduce-call';
import type { StoredCall } from '../../../../calling';
import { toStored } from '../../../../calling/core/stored-notification';
import { callNote, TENANT } from './fakes';

const BEFORE_ESTABLISHED: CallState[] = ['incoming', 'establishing', 'ringing'];

describe('call machine table', () => {
  it('has a decision for every state × event', () => {
    for (const s of CALL_STATES) {
      for (const e of CALL_EVENTS) {
        const outcome = CALL_MACHINE[s][e];
        assert.ok(
          ['enter', 'same', 'stale', 'end', 'final', 'enterIfFailed'].includes(outcome),
          `${s} × ${e}`,
        );
      }
    }
    assert.equal(Object.keys(CALL_MACHINE).length, CALL_STATES.length);
  });

  it('treats terminated as final for every event', () => {
    for (const e of CALL_EVENTS) {
      const d = decide('terminated', e);
      assert.equal(d.outcome, 'final', e);
      assert.equal(d.next, 'terminated');
      assert.equal(d.changed, false);
    }
  });

  it('ends every live call on terminated, deleted or a 404', () => {
    for (const s of CALL_STATES.filter((x) => x !== 'terminated')) {
      for (const e of ['terminated', 'deleted', 'gone'] as CallEvent[]) {
        assert.deepEqual(decide(s, e), { outcome: 'end', changed: true, next: 'terminated' }, `${s} × ${e}`);
      }
    }
  });

  it('calls a repeated state a duplicate', () => {
    for (const s of CALL_STATES.filter((x) => x !== 'terminated')) {
      assert.deepEqual(decide(s, s), { outcome: 'same', changed: false, next: s });
    }
  });

  it('ignores pre-answer states once the call is established or further', () => {
    const later: CallState[] = [
      'established',
      'hold',
      'transferring',
      'transferAccepted',
      'redirecting',
      'terminating',
    ];
    for (const s of later) {
      for (const e of BEFORE_ESTABLISHED) assert.equal(decide(s, e).outcome, 'stale', `${s} × ${e}`);
    }
  });

  it('moves forward from incoming and establishing to any later state', () => {
    for (const e of ['established', 'hold', 'transferring', 'terminating'] as CallState[]) {
      assert.equal(decide('incoming', e).next, e);
      assert.equal(decide('establishing', e).next, e);
    }
    assert.equal(decide('establishing', 'incoming').outcome, 'stale');
  });

  it('returns from transferring to established only with a failure result', () => {
    assert.deepEqual(decide('transferring', 'established', true), {
      outcome: 'enterIfFailed',
      changed: true,
      next: 'established',
    });
    assert.deepEqual(decide('transferring', 'established', false), {
      outcome: 'stale',
      changed: false,
      next: 'transferring',
    });
    assert.equal(decide('transferAccepted', 'transferring').outcome, 'stale');
    assert.equal(decide('hold', 'established').next, 'established');
  });

  it('starts an unknown call in the observed state', () => {
    assert.equal(decide(undefined, 'incoming').next, 'incoming');
    assert.equal(decide(undefined, 'established').next, 'established');
    assert.equal(decide(undefined, 'deleted').next, 'terminated');
  });
});

describe('call notifications through the reducer', () => {
  const id = '2f1a0c00-1111-4222-8333-444444442a10';
  const run = (states: Array<[string | undefined, Record<string, unknown>?]>) => {
    let call: StoredCall | undefined;
    const names: string[] = [];
    let now = 1000;
    for (const [state, extra] of states) {
      const r = reduceCall(call, toStored(callNote(id, state, extra ?? {})), TENANT, (now += 10));
      call = r.call;
      names.push(...r.events.map((e) => e.name));
    }
    return { call: call!, names };
  };

  it('reaches established once whether establishing or established comes first', () => {
    const a = run([['establishing'], ['established']]);
    const b = run([['established'], ['establishing']]);
    assert.equal(a.call.state, 'established');
    assert.equal(b.call.state, 'established');
    assert.equal(a.names.filter((n) => n === 'established').length, 1);
    assert.equal(b.names.filter((n) => n === 'established').length, 1);
  });

  it('acts once on a duplicate state notification', () => {
    const r = run([['established'], ['established'], ['established']]);
    assert.deepEqual(r.names, ['stateChanged', 'established']);
  });

  it('ignores anything after terminated and keeps the end reason', () => {
    const r = run([
      ['established'],
      ['terminated', { resultInfo: { code: '200', subCode: '4521' } }],
      ['established'],
      ['terminating'],
    ]);
    assert.equal(r.call.state, 'terminated');
    assert.equal(r.call.endCode, 200);
    assert.equal(r.call.endSubcode, 4521);
    assert.equal(r.call.endReason, 'the other party hung up');
    assert.deepEqual(r.names, ['stateChanged', 'established', 'stateChanged', 'terminated']);
  });

  it('announces an incoming call with the caller identity', () => {
    const source = { identity: { user: { id: 'u1', displayName: 'Avery Caller', tenantId: TENANT } } };
    const r = reduceCall(
      undefined,
      toStored(callNote(id, 'incoming', { source, direction: 'incoming' }, 'created')),
      TENANT,
      5,
    );
    const incoming = r.events.find((e) => e.name === 'incoming');
    assert.ok(incoming && incoming.name === 'incoming');
    assert.deepEqual(incoming.payload.caller, {
      kind: 'user',
      id: 'u1',
      displayName: 'Avery Caller',
      tenantId: TENANT,
    });
    assert.equal(r.call.direction, 'incoming');
  });

  it('emits each tone once by sequence id, even when redelivered', () => {
    const tone = (seq: number, t: string) =>
      ['established', { toneInfo: { sequenceId: seq, tone: t } }] as [string, Record<string, unknown>];
    const r = run([['established'], tone(1, 'tone4'), tone(1, 'tone4'), tone(2, 'pound')]);
    assert.deepEqual(r.names.filter((n) => n === 'tone').length, 2);
  });

  it('ends with a gone reason when Graph answered 404', () => {
    const first = reduceCall(undefined, toStored(callNote(id, 'established')), TENANT, 1);
    const gone = reduceCall(
      first.call,
      { ...toStored(callNote(id, undefined, {}, 'deleted')), local: 'gone' },
      TENANT,
      2,
    );
    assert.equal(gone.call.state, 'terminated');
    assert.equal(gone.call.endReason, 'gone');
    assert.deepEqual(gone.ended, { reason: 'gone' });
  });

  it("a call ended on a 404 takes Graph's own reason when its terminated notification follows", () => {
    const first = reduceCall(undefined, toStored(callNote(id, 'established')), TENANT, 1);
    const gone = reduceCall(
      first.call,
      { ...toStored(callNote(id, undefined, {}, 'deleted')), local: 'gone' },
      TENANT,
      2,
    );
    const later = reduceCall(
      gone.call,
      toStored(callNote(id, 'terminated', { resultInfo: { code: 200, subcode: 4521 } })),
      TENANT,
      3,
    );
    assert.equal(later.call.state, 'terminated');
    assert.equal(later.call.endReason, 'the other party hung up');
    assert.equal(later.call.endSubcode, 4521);
    assert.deepEqual(later.events, [], 'terminated is not announced twice');
    // A call that ended with Graph's own reason keeps it.
    const again = reduceCall(
      later.call,
      toStored(callNote(id, 'terminated', { resultInfo: { code: 200, subcode: 5001 } })),
      TENANT,
      4,
    );
    assert.equal(again.call.endReason, 'the other party hung up');
  });

  it('reports a failed transfer and a completed one', () => {
    const failed = run([
      ['established'],
      ['transferring'],
      ['established', { resultInfo: { code: 500, subcode: 7000 } }],
    ]);
    assert.equal(failed.call.state, 'established');
    const steps = [['established'], ['transferring'], ['transferAccepted']] as Array<[string]>;
    let call: StoredCall | undefined;
    let transfer;
    for (const [s] of steps) {
      const r = reduceCall(call, toStored(callNote(id, s)), TENANT, 1);
      call = r.call;
      transfer = r.transfer ?? transfer;
    }
    assert.deepEqual(transfer, { ok: true });
  });
});
