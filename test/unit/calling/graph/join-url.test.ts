import assert from 'node:assert/strict';
import { CallingError } from '../../../../calling/errors';
import { parseJoinUrl } from '../../../../calling/graph/join-url';

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OID = '550fae72-d251-43ec-868c-373732c2704f';
const THREAD = '19:meeting_M2IzYzczNTItYmY3OC00MDlmLWJjMzUtYmFiMjNlOTY4MGEz@thread.v2';

const encodedContext = encodeURIComponent(JSON.stringify({ Tid: TID, Oid: OID }));
const LONG_ENCODED = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=${encodedContext}`;

function expectInvalid(url: string, mentions: RegExp): void {
  assert.throws(
    () => parseJoinUrl(url),
    (err: unknown) => {
      assert.ok(err instanceof CallingError, 'a CallingError');
      assert.equal(err.code, 'invalid_join_url');
      assert.match(err.message, mentions);
      assert.match(err.message, /meetup-join/, 'the message shows the expected form');
      return true;
    },
  );
}

describe('parseJoinUrl', () => {
  it('reads a long-form link as Teams writes it (encoded)', () => {
    const j = parseJoinUrl(LONG_ENCODED);
    assert.equal(j.kind, 'organizer');
    assert.ok(j.kind === 'organizer');
    assert.equal(j.tenantId, TID);
    assert.deepEqual(j.chatInfo, { threadId: THREAD, messageId: '0' });
    assert.deepEqual(j.meetingInfo, {
      '@odata.type': '#microsoft.graph.organizerMeetingInfo',
      organizer: { user: { id: OID, tenantId: TID } },
    });
  });

  it('reads the same link decoded (pasted from a place that unescaped it)', () => {
    const decoded = `https://teams.microsoft.com/l/meetup-join/${THREAD}/0?context={"Tid":"${TID}","Oid":"${OID}"}`;
    assert.deepEqual(parseJoinUrl(decoded), parseJoinUrl(LONG_ENCODED));
  });

  it('reads a link encoded twice, with lower-case escapes and extra parameters', () => {
    const twice = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(encodeURIComponent(THREAD)).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}/0?context=${encodeURIComponent(encodedContext)}&anon=true`;
    const j = parseJoinUrl(twice);
    assert.ok(j.kind === 'organizer');
    assert.equal(j.chatInfo.threadId, THREAD);
    assert.equal(j.tenantId, TID);
  });

  it('maps a channel meeting: message id from the path, MessageId from the context as the reply chain', () => {
    const ctx = encodeURIComponent(JSON.stringify({ Tid: TID, Oid: OID, MessageId: '1616883610068' }));
    const channelThread = '19:a1b2c3d4e5f6@thread.tacv2';
    const url = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(channelThread)}/1616883610068?context=${ctx}`;
    const j = parseJoinUrl(url);
    assert.ok(j.kind === 'organizer');
    assert.deepEqual(j.chatInfo, {
      threadId: channelThread,
      messageId: '1616883610068',
      replyChainMessageId: '1616883610068',
    });
  });

  it('accepts context keys in any case and unwraps Outlook Safe Links and angle brackets', () => {
    const ctx = encodeURIComponent(JSON.stringify({ tid: TID, oid: OID }));
    const inner = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=${ctx}`;
    const wrapped = `<https://nam02.safelinks.protection.outlook.com/?url=${encodeURIComponent(inner)}&data=05%7C01&reserved=0>`;
    const j = parseJoinUrl(wrapped);
    assert.ok(j.kind === 'organizer');
    assert.equal(j.meetingInfo.organizer.user.id, OID);
  });

  it("reads the web client's fragment form", () => {
    const web = `https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=${encodedContext}&anon=true`;
    assert.deepEqual(parseJoinUrl(web), parseJoinUrl(LONG_ENCODED));
  });

  it('reads the short form with and without a passcode', () => {
    assert.deepEqual(parseJoinUrl('https://teams.microsoft.com/meet/24839504918393?p=Ab3xY9'), {
      kind: 'joinMeetingId',
      meetingInfo: {
        '@odata.type': '#microsoft.graph.joinMeetingIdMeetingInfo',
        joinMeetingId: '24839504918393',
        passcode: 'Ab3xY9',
      },
    });
    const noPass = parseJoinUrl('https://teams.microsoft.com/meet/24839504918393');
    assert.ok(noPass.kind === 'joinMeetingId');
    assert.equal(noPass.meetingInfo.passcode, null);
  });

  it('rejects garbage with a message naming the problem', () => {
    expectInvalid('', /not an https link/);
    expectInvalid('hello there', /not an https link/);
    expectInvalid('http://teams.microsoft.com/meet/123456789', /not an https link/);
    expectInvalid(
      'https://zoom.us/j/123456789',
      /zoom\.us is not a Microsoft Teams \(work or school\) meeting host/,
    );
    expectInvalid('https://teams.microsoft.com/l/chat/0/0?users=a@b.c', /not a meeting join link/);
    expectInvalid(`https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0`, /no context/);
    expectInvalid(
      `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=%7b%22Tid%22%3a%22`,
      /not readable JSON/,
    );
    expectInvalid(
      `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=${encodeURIComponent(JSON.stringify({ Tid: TID }))}`,
      /organizer id/,
    );
    expectInvalid(
      `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0?context=${encodeURIComponent(JSON.stringify({ Oid: OID, Tid: 'contoso' }))}`,
      /tenant id/,
    );
    expectInvalid(
      `https://teams.microsoft.com/l/meetup-join/not-a-thread/0?context=${encodedContext}`,
      /not a meeting thread id/,
    );
    expectInvalid(
      `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/abc?context=${encodedContext}`,
      /message id "abc"/,
    );
    expectInvalid('https://teams.microsoft.com/meet/abc?p=1', /not a meeting id/);
    expectInvalid('https://teams.microsoft.com/l/meetup-join/%E0%A4%A/0?context=x', /broken escape/);
  });
});
