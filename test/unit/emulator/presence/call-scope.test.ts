// Presence after a call changes: only the people on the call, now or at its previous change, are
// recomputed, and what Graph reports for them is still right.
import assert from 'node:assert/strict';
import path from 'node:path';
import { createClock } from '../../../../emulator/clock';
import type { CallRec } from '../../../../emulator/graph';
import { Directory, loadTenant } from '../../../../emulator/people';
import { CallPresenceScope, PresenceService, callActivityOf } from '../../../../emulator/presence';

const seed = loadTenant(path.resolve(__dirname, '../../../../emulator/seed/tenant.json'));
const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const DIEGO = '78377b16-9ba5-4342-9ed8-cf0ae0629405';

/** The parts of a call record presence reads. */
function fakeCall(id: string, people: string[]): CallRec {
  const participants = new Map(
    [...people.map((p) => ({ id: `p-${p}`, personId: p, isBot: false })), { id: 'bot', isBot: true }].map(
      (p) => [p.id, p],
    ),
  );
  return { id, kind: 'p2p', state: 'established', participants } as unknown as CallRec;
}

describe('emulator presence: the people a call change concerns', () => {
  it('names the people on the call now and before, and forgets an ended call', () => {
    const scope = new CallPresenceScope();
    const call = fakeCall('c1', [ADELE]);
    assert.deepEqual(scope.affected(call), [ADELE]);
    call.participants.delete(`p-${ADELE}`);
    call.participants.set(`p-${DIEGO}`, { id: `p-${DIEGO}`, personId: DIEGO, isBot: false } as never);
    assert.deepEqual(scope.affected(call).sort(), [ADELE, DIEGO].sort(), 'Adele left, Diego joined');
    call.state = 'terminated';
    assert.deepEqual(scope.affected(call), [DIEGO]);
    assert.deepEqual(scope.affected(fakeCall('c1', [])), [], 'the ended call was forgotten');
  });

  it('tells listeners when someone joins and leaves a call, refreshing only them', () => {
    const calls: CallRec[] = [];
    const directory = new Directory(seed);
    const presence = new PresenceService({
      clock: createClock(() => 1000),
      directory,
      callActivity: (id) => callActivityOf(calls, id),
    });
    const heard: string[] = [];
    presence.onChange((id, p) => heard.push(`${id}:${p.activity}`));
    const scope = new CallPresenceScope();
    const call = fakeCall('c1', [ADELE]);
    calls.push(call);
    presence.refreshPeople(scope.affected(call));
    call.state = 'terminated';
    presence.refreshPeople(scope.affected(call));
    assert.deepEqual(heard, [`${ADELE}:InACall`, `${ADELE}:Available`]);
  });
});
