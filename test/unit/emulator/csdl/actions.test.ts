import assert from 'node:assert/strict';
import { findAction, validateActionBody } from '../../../../emulator/csdl';
import type { Kind, Table } from './fixture-table';
import { assertBad, assertKindsCovered, reachesEnum, readTables } from './fixture-table';
import { sharedModel } from './shared-model';

interface ActionTable extends Table {
  binding: string;
  action: string;
}

const model = sharedModel();
const tables = readTables<ActionTable>('actions');

// Every call, participant and presence action the emulator serves must have a table.
const SERVED = [
  'microsoft.graph.call answer',
  'microsoft.graph.call reject',
  'microsoft.graph.call redirect',
  'microsoft.graph.call transfer',
  'microsoft.graph.call keepAlive',
  'microsoft.graph.call playPrompt',
  'microsoft.graph.call recordResponse',
  'microsoft.graph.call subscribeToTone',
  'microsoft.graph.call cancelMediaProcessing',
  'microsoft.graph.call sendDtmfTones',
  'microsoft.graph.call mute',
  'microsoft.graph.call unmute',
  'microsoft.graph.call updateRecordingStatus',
  'Collection(microsoft.graph.participant) invite',
  'microsoft.graph.participant mute',
  'microsoft.graph.participant startHoldMusic',
  'microsoft.graph.participant stopHoldMusic',
  'microsoft.graph.presence setPresence',
  'microsoft.graph.cloudCommunications getPresencesByUserId',
];

describe('emulator/csdl: action bodies (fixtures/emulator/csdl/actions)', () => {
  it('has a table for every action the emulator serves', () => {
    assert.deepEqual(tables.map((t) => `${t.binding} ${t.action}`).sort(), [...SERVED].sort());
  });

  for (const t of tables) {
    describe(`${t.action} on ${t.binding} (${t.file}, ${t.spec})`, () => {
      const op = findAction(model, t.binding, t.action);

      it('covers unknown property, wrong type, bad enum and missing required (or says why one cannot occur)', () => {
        assert.ok(op, `${t.action} is bound to ${t.binding} in the CSDL`);
        const applicable = (kind: Kind): boolean => {
          if (kind === 'badEnum') return op.parameters.some((p) => reachesEnum(model, p.type));
          if (kind === 'missingRequired') return op.parameters.some((p) => !p.nullable && !p.optional);
          return true;
        };
        assertKindsCovered(t, applicable);
      });

      for (const c of t.good) {
        it(`accepts: ${c.name}`, () => {
          assert.deepEqual(validateActionBody(model, t.binding, t.action, c.body, c.options), []);
        });
      }
      for (const c of t.bad) {
        it(`refuses (${c.kind}): ${c.name} → ${c.expect.code} at '${c.expect.path}'`, () => {
          assertBad(validateActionBody(model, t.binding, t.action, c.body, c.options), c);
        });
      }
    });
  }

  it('reports an action that is not bound to the given type', () => {
    const issues = validateActionBody(model, 'microsoft.graph.participant', 'answer', {});
    assert.equal(issues[0]?.code, 'UnknownAction');
  });

  it('names every missing parameter in one sentence, one issue per parameter', () => {
    const issues = validateActionBody(model, 'microsoft.graph.call', 'answer', {});
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [
        ['MissingParameter', 'callbackUri'],
        ['MissingParameter', 'mediaConfig'],
      ],
    );
    assert.match(issues[0]?.message ?? '', /The missing parameters are: callbackUri, mediaConfig\./);
  });

  it('accepts an action bound to a base type through a derived binding', () => {
    // answer is bound to call; asking with the alias spelling resolves to the same action.
    assert.deepEqual(validateActionBody(model, 'graph.call', 'microsoft.graph.keepAlive', undefined), []);
  });
});
