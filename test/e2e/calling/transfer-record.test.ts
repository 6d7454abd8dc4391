import assert from 'node:assert/strict';
import https from 'node:https';
import { CallOperationError } from '../../../calling';
import { person, script, until, useCallingStack } from './harness';

function fetchBytes(url: string, ca: string, token: string): Promise<{ status: number; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, headers: { authorization: `Bearer ${token}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('calling e2e: transfers and recordings', function () {
  this.timeout(90_000);
  const h = useCallingStack();

  it('blind transfer: the call moves to the target and ends here with the transfer reason', async () => {
    const [henrietta, lee] = ['Henrietta Mueller', 'Lee Gu'].map((n) => person(h, n));
    for (const p of [henrietta!, lee!]) await script(h, p.id, { onRing: 'answer', answerAfterMs: 200 });
    const call = await h.calling.placeCall({ to: { user: henrietta!.id } });
    await h.calling.waitForState(call.id, 'established', 15_000);
    const op = await h.calling.transfer(call.id, { user: lee!.id });
    assert.equal(op.kind, 'transfer');
    assert.equal(op.status, 'completed');
    const done = await h.calling.waitForState(call.id, 'terminated', 15_000);
    assert.equal(done.end?.reason, 'the transfer completed');
  });

  it('consultative transfer: replaces the consultation call; a bad replacesCallId fails with 500/7700', async () => {
    const [megan, nestor] = ['Megan Bowen', 'Nestor Wilke'].map((n) => person(h, n));
    for (const p of [megan!, nestor!]) await script(h, p.id, { onRing: 'answer', answerAfterMs: 200 });
    const first = await h.calling.placeCall({ to: { user: megan!.id } });
    await h.calling.waitForState(first.id, 'established', 15_000);

    await assert.rejects(
      h.calling.transfer(first.id, { user: nestor!.id }, { replacesCallId: first.id }),
      (err: unknown) => {
        assert.ok(err instanceof CallOperationError);
        assert.equal(err.code, 'operation_failed');
        assert.deepEqual(err.resultInfo && [err.resultInfo.code, err.resultInfo.subcode], [500, 7700]);
        return true;
      },
    );
    assert.equal(
      (await h.calling.getCall(first.id))?.state,
      'established',
      'a failed transfer keeps the call',
    );

    const consult = await h.calling.placeCall({ to: { user: nestor!.id } });
    await h.calling.waitForState(consult.id, 'established', 15_000);
    const op = await h.calling.transfer(first.id, { user: nestor!.id }, { replacesCallId: consult.id });
    assert.equal(op.status, 'completed');
    const a = await h.calling.waitForState(first.id, 'terminated', 15_000);
    const b = await h.calling.waitForState(consult.id, 'terminated', 15_000);
    assert.equal(a.end?.reason, 'the transfer completed');
    assert.equal(b.end?.reason, 'the transfer completed');
  });

  it('records a response and fetches the audio once with its token', async () => {
    const grady = person(h, 'Grady Archie');
    await script(h, grady.id, {
      onRing: 'answer',
      answerAfterMs: 200,
      speech: [{ afterMs: 200, durationMs: 1500 }],
    });
    const call = await h.calling.placeCall({ to: { user: grady.id } });
    await h.calling.waitForState(call.id, 'established', 15_000);
    const rec = await h.calling.record(call.id, {
      prompt: 'record-after-beep',
      maxRecordDurationInSeconds: 10,
      maxSilenceTimeoutInSeconds: 1,
      stopTones: '#',
    });
    assert.equal(rec.operation.status, 'completed');
    assert.ok(rec.recordingLocation, 'a recording location');
    assert.ok(rec.recordingAccessToken, 'a recording token');
    const got = await fetchBytes(rec.recordingLocation!, h.emu.ca, rec.recordingAccessToken!);
    assert.equal(got.status, 200);
    assert.equal(got.bytes.toString('ascii', 0, 4), 'RIFF');
    await h.calling.hangUp(call.id);
    await until(async () => (await h.calling.getCall(call.id))?.state === 'terminated', 'the call to end');
  });

  it('cancels a long prompt: the prompt rejects as cancelled, the cancel completes', async () => {
    const lidia = person(h, 'Lidia Holloway');
    await script(h, lidia.id, { onRing: 'answer', answerAfterMs: 200 });
    const call = await h.calling.placeCall({ to: { user: lidia.id } });
    await h.calling.waitForState(call.id, 'established', 15_000);
    const long = h.calling.playPrompt(call.id, ['closed', 'closed', 'closed']);
    await until(
      async () => (await h.calling.operations(call.id)).some((o) => o.status === 'running'),
      'the prompt to run',
    );
    const cancel = await h.calling.cancelMedia(call.id);
    assert.equal(cancel.status, 'completed');
    await assert.rejects(
      long,
      (err: unknown) => err instanceof CallOperationError && err.code === 'operation_cancelled',
    );
    await h.calling.hangUp(call.id);
  });
});
