import assert from 'node:assert/strict';
import type { InboundBatch } from '../../../../calling';
import { createCallsEdge } from '../../../../calling/webhook/calls-edge';
import type { CallsRequest, TokenCheck, WebhookLogger } from '../../../../calling/webhook/types';

const CALL = '/communications/calls/2f1a0c00-7e4d-4b9a-a5c3-9d8e6f4b2a10';
const GOOD = {
  value: [{ changeType: 'updated', resourceUrl: CALL, resourceData: { state: 'established' } }],
};

describe('calling/webhook calls-edge', () => {
  let bodyReads: number;
  let stored: InboundBatch[];
  let logs: Array<{ level: string; obj: object; msg?: string }>;
  const log = (level: string) => (obj: object, msg?: string) =>
    logs.push({ level, obj, ...(msg ? { msg } : {}) });
  const logger: WebhookLogger = {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
  };
  const request = (body: unknown, authorization = 'Bearer x'): CallsRequest => ({
    headers: { authorization },
    json: async () => {
      bodyReads++;
      return body;
    },
  });
  // `known`: what the verifier can say from the header alone (undefined: it would have to check).
  const edge = (
    check: TokenCheck,
    accept?: (b: InboundBatch) => Promise<void>,
    known: TokenCheck | undefined = undefined,
  ) =>
    createCallsEdge({
      verifier: { verify: async () => check, recall: () => known },
      inbox: { accept: accept ?? (async (b) => void stored.push(b)) },
      logger,
      now: () => 1_700_000_000_000,
    });
  const ok: TokenCheck = { ok: true, tenantId: 'tenant-a' };

  beforeEach(() => {
    bodyReads = 0;
    stored = [];
    logs = [];
  });

  it('verified → parsed → handed to the inbox with tenant and arrival time → 202 empty', async () => {
    const res = await edge(ok)(request(GOOD));
    assert.deepEqual(res, { status: 202 });
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.tenantId, 'tenant-a');
    assert.equal(stored[0]?.receivedAt, 1_700_000_000_000);
    assert.equal(stored[0]?.notifications[0]?.kind, 'call');
  });

  it('a refused token answers 403 without reading the body or touching the inbox', async () => {
    const res = await edge({ ok: false, reason: 'bad_signature' })(request(GOOD));
    assert.equal(res.status, 403);
    assert.deepEqual((res.body as { error: { code: string } }).error.code, 'forbidden');
    assert.equal(bodyReads, 0);
    assert.equal(stored.length, 0);
    assert.deepEqual(logs, [
      { level: 'info', obj: { reason: 'bad_signature' }, msg: 'calling notification refused' },
    ]);
  });

  it('an unparseable body is 400 with the parser message and nothing reaches the inbox', async () => {
    const res = await edge(ok)(request({ value: [{ changeType: 'updated', resourceUrl: '/users/x' }] }));
    assert.equal(res.status, 400);
    assert.match((res.body as { error: { message: string } }).error.message, /does not point under/);
    assert.equal(stored.length, 0);
  });

  it('the server’s body errors (malformed JSON, too large) pass through untouched', async () => {
    const boom = Object.assign(new Error('The request body is not valid JSON'), { code: 'invalid_json' });
    const req: CallsRequest = { headers: { authorization: 'Bearer x' }, json: () => Promise.reject(boom) };
    await assert.rejects(edge(ok)(req), (e) => e === boom);
  });

  it('an inbox that cannot store answers 503 (so Graph retries) and logs the error', async () => {
    const res = await edge(ok, async () => {
      throw new Error('database is locked');
    })(request(GOOD));
    assert.equal(res.status, 503);
    assert.equal(res.headers?.['retry-after'], '1');
    assert.equal((res.body as { error: { code: string } }).error.code, 'unavailable');
    assert.ok(logs.some((l) => l.level === 'error'));
  });

  it('a legacy-format incoming call is answered 204 and not stored', async () => {
    const legacy = { id: 'c1', participants: [], presentedModalityTypes: ['audio'], callState: 'incoming' };
    assert.deepEqual(await edge(ok)(request(legacy)), { status: 204 });
    assert.equal(stored.length, 0);
  });

  describe('early: the answer from the headers alone, before routing', () => {
    it('a token the verifier already refused gets the very 403 the edge gives, logged the same way', async () => {
      const refused: TokenCheck = { ok: false, reason: 'bad_signature' };
      const e = edge(refused, undefined, refused);
      const early = e.early({ authorization: 'Bearer x' });
      assert.ok(early);
      logs = [];
      const routed = await e(request(GOOD));
      assert.equal(early.status, 403);
      assert.equal(early.headers?.['content-type'], 'application/json; charset=utf-8');
      assert.deepEqual(JSON.parse(early.body as string), routed.body);
      assert.deepEqual(logs, [
        { level: 'info', obj: { reason: 'bad_signature' }, msg: 'calling notification refused' },
      ]);
      assert.equal(bodyReads, 0);
    });

    it('every refusal reason has its early answer', () => {
      for (const reason of ['missing_authorization', 'malformed_authorization', 'not_configured'] as const) {
        const no: TokenCheck = { ok: false, reason };
        const early = edge(no, undefined, no).early({});
        assert.equal(early?.status, 403, reason);
        assert.match(JSON.parse(early?.body as string).error.message, /\w/, reason);
      }
    });

    it('a remembered good token, or one still to be checked, goes on to the route', () => {
      assert.equal(edge(ok, undefined, ok).early({ authorization: 'Bearer x' }), undefined);
      assert.equal(edge(ok).early({ authorization: 'Bearer y' }), undefined);
      assert.deepEqual(logs, []);
    });
  });
});
