// Meeting ids and join URLs as Teams writes them, createOrGet's time rules and application access
// policies.
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  joinWebUrlOf,
  meetingGraphId,
  meetingTimes,
  newJoinMeetingId,
  newPasscode,
  newThreadId,
  parseJoinWebUrl,
  parseMeetingGraphId,
  policyAllows,
} from '../../../../emulator/meetings';
import { GraphError } from '../../../../emulator/http';
import { loadTenant } from '../../../../emulator/people';

const seed = loadTenant(path.resolve(__dirname, '../../../../emulator/seed/tenant.json'));
const ORG = '4b75189b-c195-403b-bac4-bf03f2295ebc';
const THREAD = '19:meeting_ODI3Y2M5Y2EtMjFmMS00MjVhLWJlMTYtN2FmMjE4OTIxYmE4@thread.v2';

describe('emulator meetings: ids and join URLs', () => {
  it('encodes the Graph meeting id as base64 of 1*organizer*0**thread and reads it back', () => {
    const id = meetingGraphId(ORG, THREAD);
    assert.equal(Buffer.from(id, 'base64').toString(), `1*${ORG}*0**${THREAD}`);
    assert.deepEqual(parseMeetingGraphId(id), { organizerId: ORG, threadId: THREAD });
    assert.equal(parseMeetingGraphId(Buffer.from(`0#${THREAD}#0`).toString('base64')), undefined);
    assert.equal(parseMeetingGraphId('not base64!'), undefined);
  });

  it('writes the long join URL with lower-case escapes and reads thread, tenant and organizer back', () => {
    const url = joinWebUrlOf(THREAD, 'tid-1', ORG);
    assert.ok(url.startsWith('https://teams.microsoft.com/l/meetup-join/19%3ameeting_'));
    assert.ok(url.includes('%40thread.v2/0?context=%7b%22Tid%22%3a%22tid-1%22%2c%22Oid%22%3a%22'));
    assert.deepEqual(parseJoinWebUrl(url), {
      kind: 'long',
      threadId: THREAD,
      messageId: '0',
      tenantId: 'tid-1',
      organizerId: ORG,
    });
  });

  it('reads the short form and refuses other URLs', () => {
    assert.deepEqual(parseJoinWebUrl('https://teams.microsoft.com/meet/314159265358?p=SbRd7q'), {
      kind: 'short',
      joinMeetingId: '314159265358',
      passcode: 'SbRd7q',
    });
    assert.equal(parseJoinWebUrl('https://example.org/somewhere'), undefined);
    assert.equal(parseJoinWebUrl('not a url'), undefined);
  });

  it('makes thread ids, join meeting ids and passcodes in Teams’ shapes', () => {
    assert.match(newThreadId(), /^19:meeting_[A-Za-z0-9+/]{48}@thread\.v2$/);
    assert.notEqual(newThreadId(), newThreadId());
    assert.match(newJoinMeetingId(), /^[1-9]\d{11}$/);
    assert.match(newPasscode(), /^[A-Za-z0-9]{6}$/);
  });
});

describe('emulator meetings: times and access policies', () => {
  const NOW = Date.parse('2030-01-01T12:00:00Z');
  const HOUR = 3_600_000;

  it('defaults to now and an hour, or an hour after a given start', () => {
    assert.deepEqual(meetingTimes({}, NOW), { start: NOW, end: NOW + HOUR });
    const start = Date.parse('2030-02-01T08:00:00Z');
    assert.deepEqual(meetingTimes({ startDateTime: '2030-02-01T08:00:00Z' }, NOW), {
      start,
      end: start + HOUR,
    });
  });

  it('refuses an end without a start and an end before the start', () => {
    assert.throws(
      () => meetingTimes({ endDateTime: '2030-02-01T08:00:00Z' }, NOW),
      (e: unknown) => e instanceof GraphError && e.status === 400,
    );
    assert.throws(
      () => meetingTimes({ startDateTime: '2030-02-01T08:00:00Z', endDateTime: '2030-02-01T07:00:00Z' }, NOW),
      (e: unknown) => e instanceof GraphError && e.extra.target === 'endDateTime',
    );
  });

  it('lets an app act only for the users a policy naming it is granted to, or everyone when global', () => {
    const app = seed.apps[0]?.appId ?? '';
    const adele = '86528ee4-da06-4aa2-9aed-32e626300172';
    const johanna = '26ac7d24-184d-4632-a0c6-d69a864c95d2';
    assert.equal(policyAllows(seed, app.toUpperCase(), adele), true);
    assert.equal(policyAllows(seed, app, johanna), false);
    assert.equal(policyAllows(seed, 'some-other-app', adele), false);
    const global = {
      ...seed,
      applicationAccessPolicies: [{ name: 'g', appIds: [app], users: [], global: true }],
    };
    assert.equal(policyAllows(global, app, johanna), true);
  });
});
