import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isLegacyIncomingCall } from '../../../../calling/webhook/legacy-format';
import { parseNotifications } from '../../../../calling/webhook/parse-notifications';
import { NOTIFICATIONS } from '../../../helpers/fixtures';

const PAYLOADS = NOTIFICATIONS;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const P2P = '2f1a0c00-7e4d-4b9a-a5c3-9d8e6f4b2a10';
const GROUP = '4c3d0e00-2a3b-4c4d-9e5f-6a7b8c9d0e1f';

// Files that are not POSTed to the calling webhook, and what the parser must say about them.
const NOT_FOR_THE_WEBHOOK: Record<string, 'change_notification' | 'not_comms_notifications'> = {
  'callrecord-created.json': 'change_notification',
  'create-call-response.json': 'not_comms_notifications',
};

type Json = Record<string, unknown>;
const load = (file: string) => JSON.parse(readFileSync(path.join(PAYLOADS, file), 'utf8')) as Json;
const jsonFiles = readdirSync(PAYLOADS)
  .filter((f) => f.endsWith('.json'))
  .sort();

// Derived from the raw text on purpose, independently of the parser's own path handling.
function expectedKind(rawUrl: string): string {
  if (/\/operations\/[^/]+$/i.test(rawUrl)) return 'operation';
  if (/\/participants(\/|$)/i.test(rawUrl)) return 'participants';
  if (/\/contentsharingsessions(\/|$)/i.test(rawUrl)) return 'contentSharing';
  return 'call';
}

function parsedOk(body: unknown) {
  const r = parseNotifications(body);
  assert.ok(r.ok, `expected the body to parse, got: ${r.ok ? '' : r.message}`);
  return r.notifications;
}

describe('calling/webhook parseNotifications: every documented payload file', () => {
  it('finds the payload files', () => {
    assert.ok(jsonFiles.length >= 20, `only ${jsonFiles.length} payload files in ${PAYLOADS}`);
  });

  for (const file of jsonFiles) {
    const refusal = NOT_FOR_THE_WEBHOOK[file];
    if (refusal) {
      it(`${file} is refused as ${refusal}`, () => {
        const r = parseNotifications(load(file));
        assert.equal(r.ok, false);
        assert.equal(!r.ok && r.failure, refusal);
        if (refusal === 'change_notification') assert.match(!r.ok ? r.message : '', /\/api\/notifications/);
      });
      continue;
    }
    it(`${file} parses, routed by resourceUrl kind with ids normalised`, () => {
      const body = load(file);
      const raw = body['value'] as Json[];
      const parsed = parsedOk(body);
      assert.equal(parsed.length, raw.length);
      parsed.forEach((n, i) => {
        const src = raw[i]!;
        const rawUrl = String(src['resourceUrl'] ?? src['resource']);
        assert.equal(n.kind, expectedKind(rawUrl));
        assert.equal(n.changeType, String(src['changeType']).toLowerCase());
        assert.match(n.callId, GUID);
        assert.ok(n.resourceUrl.startsWith(`/communications/calls/${n.callId}`), n.resourceUrl);
        assert.equal(n.operationId !== undefined, n.kind === 'operation');
        if (n.operationId !== undefined) {
          assert.match(n.operationId, GUID);
          assert.equal(n.resourceUrl, `/communications/calls/${n.callId}/operations/${n.operationId}`);
        }
        assert.equal(Array.isArray(n.resourceData), Array.isArray(src['resourceData']));
        assert.deepEqual(n.raw, src);
      });
    });
  }
});

describe('calling/webhook parseNotifications: the quirks the payloads show', () => {
  it('compact upper-case call and operation ids fold to lower-case hyphenated GUIDs', () => {
    const [n] = parsedOk(load('playprompt-completed.json'));
    assert.equal(n?.callId, P2P);
    assert.equal(n?.operationId, '8c7b6a59-4837-4d2e-9f1a-0b2c3d4e5f60');
    assert.equal(
      n?.resourceUrl,
      `/communications/calls/${P2P}/operations/8c7b6a59-4837-4d2e-9f1a-0b2c3d4e5f60`,
    );
    assert.deepEqual(n?.resultInfo, {
      code: 200,
      subcode: 0,
      message: 'Prompt finished (made-up message text).',
    });
  });

  it('a resourceUrl without the leading slash is normalised', () => {
    const [n] = parsedOk(load('holdmusic-started.json'));
    assert.equal(n?.kind, 'operation');
    assert.equal(
      n?.resourceUrl,
      `/communications/calls/${GROUP}/operations/e23b1a0f-ae9d-48c7-9d6e-f5a6b7c8d9e0`,
    );
  });

  it('resultInfo reads both subcode and subCode', () => {
    assert.deepEqual(parsedOk(load('transfer-failed.json'))[0]?.resultInfo?.subcode, 7000);
    assert.deepEqual(parsedOk(load('terminated.json'))[0]?.resultInfo, {
      code: 200,
      subcode: 4521,
      message: 'Call ended by the remote party (made-up message text).',
    });
  });

  it('array resourceData stays an array (participants roster, content sharing)', () => {
    const [roster] = parsedOk(load('participants-updated.json'));
    assert.equal(roster?.kind, 'participants');
    assert.ok(Array.isArray(roster?.resourceData) && roster.resourceData.length === 2);
    const [sharing] = parsedOk(load('contentsharing-started.json'));
    assert.equal(sharing?.kind, 'contentSharing');
  });

  it('no payload file looks like the legacy incoming-call format', () => {
    for (const file of jsonFiles) assert.equal(isLegacyIncomingCall(load(file)), false, file);
  });
});

describe('calling/webhook parseNotifications: tolerance beyond the files', () => {
  const one = (n: Json) => ({ value: [n] });

  it('accepts a single notification posted without the envelope', () => {
    const [n] = parsedOk({
      changeType: 'updated',
      resourceUrl: `/communications/calls/${P2P}`,
      resourceData: {},
    });
    assert.equal(n?.kind, 'call');
  });

  it('takes legacy `resource` when resourceUrl is absent, /app/calls and capitalised changeType included', () => {
    const [n] = parsedOk(
      one({
        subscriptionId: '2887CEE8344B47C291F1AF628599A93C',
        changeType: 'Updated',
        resource: '/app/calls/2F1A0C007E4D4B9AA5C39D8E6F4B2A10',
        resourceData: { '@odata.type': '#microsoft.graph.call', state: 'Established' },
      }),
    );
    assert.equal(n?.changeType, 'updated');
    assert.equal(n?.resourceUrl, `/communications/calls/${P2P}`);
  });

  it('reads string codes and absolute Graph URLs, and keeps unknown fields in raw', () => {
    const src = {
      changeType: 'deleted',
      resourceUrl: `https://graph.microsoft.com/v1.0/communications/calls/${P2P}/operations/ABC`,
      resourceData: { resultInfo: { code: '500', subCode: '5001' } },
      brandNewField: { kept: true },
    };
    const [n] = parsedOk(one(src));
    assert.equal(n?.operationId, 'ABC');
    assert.deepEqual(n?.resultInfo, { code: 500, subcode: 5001 });
    assert.deepEqual(n?.raw, src);
  });

  it('a resource kind it does not know under a call is kept as unknown, routable to its call', () => {
    const [n] = parsedOk(
      one({ changeType: 'updated', resourceUrl: `/communications/calls/${P2P}/audioRoutingGroups` }),
    );
    assert.equal(n?.kind, 'unknown');
    assert.equal(n?.callId, P2P);
  });

  const refused: Array<[string, unknown, RegExp]> = [
    ['a JSON array', [1, 2], /JSON object/],
    ['a string', 'hello', /JSON object/],
    ['value that is not an array', { value: {} }, /"value" must be an array/],
    ['an empty batch', { value: [] }, /empty/],
    ['an object that is no envelope', { hello: 'world' }, /not a commsNotifications envelope/],
    [
      'an unknown changeType',
      one({ changeType: 'exploded', resourceUrl: `/communications/calls/${P2P}` }),
      /value\[0\]\.changeType/,
    ],
    ['no resourceUrl or resource', one({ changeType: 'updated' }), /neither "resourceUrl" nor "resource"/],
    [
      'a resourceUrl outside calls',
      one({ changeType: 'updated', resourceUrl: '/users/x' }),
      /does not point under/,
    ],
    [
      'resourceData that is a string',
      one({ changeType: 'updated', resourceUrl: `/communications/calls/${P2P}`, resourceData: 'x' }),
      /resourceData/,
    ],
  ];
  for (const [what, body, message] of refused) {
    it(`refuses ${what} with a clear message`, () => {
      const r = parseNotifications(body);
      assert.equal(r.ok, false);
      assert.match(r.ok ? '' : r.message, message);
    });
  }

  it('one bad notification refuses the whole batch', () => {
    const good = { changeType: 'updated', resourceUrl: `/communications/calls/${P2P}` };
    const r = parseNotifications({ value: [good, { ...good, changeType: 42 }] });
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.message, /value\[1\]/);
  });

  it('recognises the legacy incoming-call conversation', () => {
    const legacy = {
      id: 'abc',
      participants: [{ identity: '8:alice', originator: true }],
      presentedModalityTypes: ['audio'],
      callState: 'incoming',
    };
    assert.equal(isLegacyIncomingCall(legacy), true);
    assert.equal(isLegacyIncomingCall({ ...legacy, value: [] }), false);
    assert.equal(isLegacyIncomingCall({ id: 'abc', callState: 'incoming' }), false);
  });
});
