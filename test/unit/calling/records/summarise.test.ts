// A Graph callRecord reduced to the summary the app keeps: v2 people first, Teams users only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { summariseRecord } from '../../../../calling';

const FIXTURE = path.resolve(__dirname, '../../../fixtures/calling/callrecord-group.json');
const group = (): Record<string, unknown> => JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('calling records: summarising a call record', () => {
  it('keeps id, version, type, modalities, times and the users from organizer_v2 and participants_v2', () => {
    assert.deepEqual(summariseRecord(group()), {
      id: 'e523d2ed-2966-4b6b-925b-754a88034cc5',
      version: 3,
      type: 'groupCall',
      modalities: ['audio', 'video'],
      startAt: Date.parse('2026-11-20T10:00:00Z'),
      endAt: Date.parse('2026-11-20T10:31:30Z'),
      organizerId: '7c7fca77-63f4-402b-a928-059dba294e99',
      participantIds: ['86528ee4-da06-4aa2-9aed-32e626300172', '7c7fca77-63f4-402b-a928-059dba294e99'],
    });
  });

  it('falls back to the deprecated organizer and participants when a record has no v2 people', () => {
    const r = group();
    delete r['organizer_v2'];
    delete r['participants_v2'];
    const s = summariseRecord(r);
    assert.equal(s?.organizerId, '00000000-0000-0000-0000-00000000dead');
    assert.deepEqual(s?.participantIds, ['00000000-0000-0000-0000-00000000beef']);
  });

  it('reads a version sent as a string and refuses a record without id, version or times', () => {
    assert.equal(summariseRecord({ ...group(), version: '12' })?.version, 12);
    for (const broken of [
      { id: '' },
      { version: 'x' },
      { version: -1 },
      { startDateTime: 'soon' },
      { endDateTime: null },
    ])
      assert.equal(summariseRecord({ ...group(), ...broken }), undefined, JSON.stringify(broken));
    assert.equal(summariseRecord('not a record'), undefined);
  });
});
