import assert from 'node:assert/strict';
import { allowValues, formatIssues, requireProperties, validateActionBody } from '../../../../emulator/csdl';
import { sharedModel } from './shared-model';

const at = (issues: { code: string; path: string }[]): string[][] => issues.map((i) => [i.code, i.path]);

describe('emulator/csdl: rules the caller adds (requireProperties, allowValues, relaxRequired)', () => {
  it('requireProperties reports absent or null members, walking every item of `[]` steps', () => {
    const body = {
      targets: [{ identity: { user: { id: 'a' } } }, { identity: {} }, { identity: { user: null } }],
      subject: null,
    };
    assert.deepEqual(at(requireProperties(body, ['targets[].identity.user', 'subject', 'tenantId'])), [
      ['MissingProperty', 'targets[1].identity.user'],
      ['MissingProperty', 'targets[2].identity.user'],
      ['MissingProperty', 'subject'],
      ['MissingProperty', 'tenantId'],
    ]);
  });

  it('requireProperties leaves an absent parent to other rules', () => {
    assert.deepEqual(requireProperties({}, ['participants.organizer.identity']), []);
    assert.deepEqual(at(requireProperties({ participants: {} }, ['participants.organizer'])), [
      ['MissingProperty', 'participants.organizer'],
    ]);
  });

  it('allowValues checks strings at a path, items included, and names the allowed values', () => {
    const issues = allowValues(
      { stopTones: ['#', 'x'], availability: 'Online' },
      {
        'stopTones[]': ['#', '*'],
        availability: ['Available', 'Busy'],
      },
    );
    assert.deepEqual(at(issues), [
      ['InvalidEnumValue', 'stopTones[1]'],
      ['InvalidEnumValue', 'availability'],
    ]);
    assert.match(issues[1]?.message ?? '', /'Online'.*'availability'.*Available, Busy/);
  });

  it('relaxRequired lets a Nullable="false" parameter be left out, and only that one', () => {
    const model = sharedModel();
    const issues = validateActionBody(
      model,
      'microsoft.graph.call',
      'answer',
      {},
      { relaxRequired: ['callbackUri'] },
    );
    assert.deepEqual(at(issues), [['MissingParameter', 'mediaConfig']]);
  });

  it('formatIssues gives BadRequest with the first message, and every issue in details', () => {
    const issues = [
      { path: 'a', code: 'UnknownProperty', message: 'first' },
      { path: 'b', code: 'InvalidType', message: 'second' },
    ];
    assert.deepEqual(formatIssues(issues), {
      code: 'BadRequest',
      message: 'first',
      target: 'a',
      details: [
        { code: 'UnknownProperty', message: 'first', target: 'a' },
        { code: 'InvalidType', message: 'second', target: 'b' },
      ],
    });
    assert.equal(formatIssues([]).code, 'BadRequest');
  });
});
