import assert from 'node:assert/strict';
import { allProperties, structuredType, typeChain, validateEntityBody } from '../../../../emulator/csdl';
import type { Kind, Table } from './fixture-table';
import { assertBad, assertKindsCovered, reachesEnum, readTables } from './fixture-table';
import { sharedModel } from './shared-model';

interface EntityTable extends Table {
  type: string;
  mode: 'create' | 'update';
}

const model = sharedModel();
const tables = readTables<EntityTable>('entities');

describe('emulator/csdl: entity bodies (fixtures/emulator/csdl/entities)', () => {
  it('has tables for call, onlineMeeting and subscription create, and subscription renew', () => {
    assert.deepEqual(tables.map((t) => `${t.type} ${t.mode}`).sort(), [
      'microsoft.graph.call create',
      'microsoft.graph.onlineMeeting create',
      'microsoft.graph.subscription create',
      'microsoft.graph.subscription update',
    ]);
  });

  for (const t of tables) {
    describe(`${t.mode} ${t.type} (${t.file}, ${t.spec})`, () => {
      it('covers unknown property, wrong type, bad enum and missing required (or says why one cannot occur)', () => {
        const type = structuredType(model, t.type);
        assert.ok(type, t.type);
        const keys = new Set(typeChain(model, type).flatMap((x) => x.key));
        const applicable = (kind: Kind): boolean => {
          if (kind === 'badEnum') return reachesEnum(model, t.type);
          if (kind === 'missingRequired') {
            if (t.mode === 'update') return false;
            return allProperties(model, type).some(
              (p) => !p.nullable && !p.readOnly && !keys.has(p.name) && !p.type.startsWith('Collection('),
            );
          }
          return true;
        };
        assertKindsCovered(t, applicable);
      });

      for (const c of t.good) {
        it(`accepts: ${c.name}`, () => {
          assert.deepEqual(validateEntityBody(model, t.type, c.body, t.mode, c.options), []);
        });
      }
      for (const c of t.bad) {
        it(`refuses (${c.kind}): ${c.name} → ${c.expect.code} at '${c.expect.path}'`, () => {
          assertBad(validateEntityBody(model, t.type, c.body, t.mode, c.options), c);
        });
      }
    });
  }

  it('refuses a property the CSDL annotates Computed (presence.sequenceNumber) on create and update', () => {
    for (const mode of ['create', 'update'] as const) {
      const issues = validateEntityBody(model, 'microsoft.graph.presence', { sequenceNumber: 'x' }, mode);
      assert.deepEqual(
        issues.map((i) => [i.code, i.path]),
        [['ReadOnlyProperty', 'sequenceNumber']],
      );
    }
  });

  it("refuses, on update, a declared property outside the docs' updatable list (the CSDL marks none read-only)", () => {
    const type = 'microsoft.graph.onlineMeeting';
    const updatable = ['subject', 'participants', 'startDateTime', 'endDateTime'];
    const body = {
      subject: 'Moved',
      joinWebUrl: 'https://teams.microsoft.com/l/meetup-join/x/0',
      participants: { attendees: [{ upn: 'a@contoso.example' }] },
      attendanceReports: [],
      custom: 'open types take undeclared members',
    };
    assert.deepEqual(
      validateEntityBody(model, type, body, 'update'),
      [],
      'the CSDL alone lets joinWebUrl through',
    );
    const issues = validateEntityBody(model, type, body, 'update', { updatable });
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [
        ['ReadOnlyProperty', 'joinWebUrl'],
        ['ReadOnlyProperty', 'attendanceReports'],
      ],
    );
    assert.match(issues[0]?.message ?? '', /'joinWebUrl'.*cannot be changed/);
    assert.deepEqual(
      validateEntityBody(model, type, { joinWebUrl: 'x' }, 'create', { updatable }),
      [],
      'creating is not updating',
    );
    assert.deepEqual(
      validateEntityBody(model, type, { participants: { organizer: { foo: 1 } } }, 'update', {
        updatable,
      }).map((i) => [i.code, i.path]),
      [['UnknownProperty', 'participants.organizer.foo']],
      'members of an updatable property are still checked against the CSDL',
    );
  });

  it('refuses a body that is not a JSON object', () => {
    const issues = validateEntityBody(model, 'microsoft.graph.subscription', ['x'], 'create');
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [['InvalidType', '']],
    );
  });

  it('lists every issue of a body with several faults, in body order', () => {
    const issues = validateEntityBody(
      model,
      'microsoft.graph.subscription',
      { changeType: 1, foo: true, notificationUrl: 'https://x', resource: 'r' },
      'create',
    );
    assert.deepEqual(
      issues.map((i) => [i.code, i.path]),
      [
        ['InvalidType', 'changeType'],
        ['UnknownProperty', 'foo'],
        ['MissingProperty', 'expirationDateTime'],
      ],
    );
  });

  it('reads Int64 as a JSON number, and as a string only with IEEE754Compatible=true', () => {
    const body = { info: { identity: {} }, isInLobby: false, isMuted: false, rosterSequenceNumber: '12' };
    const plain = validateEntityBody(model, 'microsoft.graph.participant', body, 'create');
    assert.deepEqual(
      plain.map((i) => [i.code, i.path]),
      [['InvalidType', 'rosterSequenceNumber']],
    );
    assert.match(plain[0]?.message ?? '', /IEEE754Compatible/);
    assert.deepEqual(
      validateEntityBody(model, 'microsoft.graph.participant', body, 'create', { ieee754Compatible: true }),
      [],
    );
  });
});
