// Which items of a notification collection the call-record subscription takes: its own, with its
// clientState; others' (presence) are left alone; anything else naming a call record is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canReceiveNotifications, readRecordNotices } from '../../../../calling';
import { NOTIFICATIONS } from '../../../helpers/fixtures';

const PAYLOAD = path.join(NOTIFICATIONS, 'callrecord-created.json');
const created = () => JSON.parse(readFileSync(PAYLOAD, 'utf8')) as { value: Array<Record<string, unknown>> };
const first = () => created().value[0] as Record<string, unknown>;

const SUB = {
  id: '3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b',
  clientState: 'made-up-shared-secret',
  notificationUrl: 'https://app.example/api/notifications',
  expiresAt: 0,
};
const RECORD = '6b7c8d9e-3f40-4152-a637-48596a7b8c9d';

describe('calling records: reading notifications', () => {
  it('takes the documented created notification of our subscription', () => {
    assert.deepEqual(readRecordNotices(created(), SUB), { recordIds: [RECORD], lifecycle: [], refused: 0 });
  });

  it('refuses a wrong or missing clientState and a call record of an unknown subscription', () => {
    const wrong = { ...first(), clientState: 'made-up-shared-secreT' };
    const none = { ...first(), clientState: undefined };
    const stranger = { ...first(), subscriptionId: 'someone-else' };
    assert.deepEqual(readRecordNotices({ value: [wrong, none, stranger] }, SUB), {
      recordIds: [],
      lifecycle: [],
      refused: 3,
    });
    assert.equal(readRecordNotices(created(), undefined).refused, 1, 'no subscription: nothing is ours');
  });

  it('takes a record once however often it is named, and reads the id from the resource too', () => {
    const byPath = {
      ...first(),
      resourceData: undefined,
      resource: `communications/callRecords('${RECORD.toUpperCase()}')`,
    };
    const notices = readRecordNotices({ value: [first(), first(), byPath] }, SUB);
    assert.deepEqual(notices.recordIds, [RECORD]);
  });

  it("leaves other subscriptions' presence notifications alone and reads lifecycle events", () => {
    const presence = {
      subscriptionId: 'presence-sub',
      clientState: 'x',
      changeType: 'updated',
      resource: "communications/presences('86528ee4-da06-4aa2-9aed-32e626300172')",
      resourceData: {
        '@odata.type': '#Microsoft.Graph.presence',
        id: '86528ee4-da06-4aa2-9aed-32e626300172',
      },
    };
    const lifecycle = (lifecycleEvent: string) => ({
      subscriptionId: SUB.id,
      clientState: SUB.clientState,
      lifecycleEvent,
    });
    const notices = readRecordNotices(
      {
        value: [
          presence,
          lifecycle('reauthorizationRequired'),
          lifecycle('missed'),
          { ...lifecycle('missed'), clientState: 'no' },
        ],
      },
      SUB,
    );
    assert.deepEqual(notices, {
      recordIds: [],
      lifecycle: ['reauthorizationRequired', 'missed'],
      refused: 1,
    });
  });

  it('subscribes only when PUBLIC_URL is somewhere Graph could post to', () => {
    for (const url of ['https://switchboard.example.com', 'http://127.0.0.1:3978', 'http://localhost:3978'])
      assert.equal(canReceiveNotifications(url), true, url);
    for (const url of [
      'http://switchboard.example.com',
      'http://localhost:0',
      'not a url',
      'ftp://x.example',
    ])
      assert.equal(canReceiveNotifications(url), false, url);
  });
});
