import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  analyseRecording,
  createEnergyAnalyser,
  createRecordingFetcher,
  forgetRecordings,
} from '../../../../../calling/flows/analysis';
import { encodeWav } from '../../../../../calling/flows/tts';
import { createCallData, openStore } from '../../../../../store';

const RATE = 16000;
/** Low hiss with voiced bursts (a 150 Hz buzz with harmonics, syllable-shaped) in the given seconds. */
function line(totalS: number, speech: Array<[number, number]>, seed = 7): Buffer {
  let r = seed;
  const rand = () => (r = (r * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5;
  const x = new Float32Array(Math.round(totalS * RATE));
  for (let i = 0; i < x.length; i++) {
    const t = i / RATE;
    let v = rand() * 0.001;
    for (const [a, b] of speech) {
      if (t < a || t >= b) continue;
      const syllable = Math.sin(Math.PI * (((t - a) * 4) % 1)) ** 0.7;
      for (let k = 1; k < 12; k++) v += (0.3 / k) * Math.sin(2 * Math.PI * 150 * k * t) * syllable;
    }
    x[i] = v;
  }
  return encodeWav(x, RATE);
}

describe('recording analysis', () => {
  const analyser = createEnergyAnalyser();

  it('finds no speech in line noise, and about as much as there is in a spoken answer', async () => {
    const silent = await analyser.analyse(line(5, []));
    assert.deepEqual([silent.spoke, silent.speechMs, silent.durationMs], [false, 0, 5000]);
    const spoke = await analyser.analyse(line(5, [[1, 3]]));
    assert.equal(spoke.spoke, true);
    assert.ok(Math.abs(spoke.speechMs - 2000) <= 300, `about 2 s (${spoke.speechMs} ms)`);
    const allTalk = await analyser.analyse(line(3, [[0, 3]]));
    assert.ok(allTalk.speechMs >= 2500, `speech from first to last frame still counts (${allTalk.speechMs})`);
  });

  it('ignores a click shorter than a word', async () => {
    const click = await analyser.analyse(line(3, [[1, 1.06]]));
    assert.equal(click.spoke, false);
  });

  it('fetches into memory with the token, wipes the bytes, forgets, and yields only the branch', async () => {
    let served: Buffer | undefined;
    const server = http.createServer((req, res) => {
      if (req.headers.authorization !== 'Bearer tok-1') {
        res.writeHead(401);
        return void res.end();
      }
      served = line(4, [[0.5, 2.5]]);
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(served);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/media/rec-1`;
    const forgotten: string[] = [];
    let kept: Buffer | undefined;
    const fetchRecording = createRecordingFetcher();
    try {
      const out = await analyseRecording(
        'call-1',
        { operation: {} as never, recordingLocation: url, recordingAccessToken: 'tok-1' },
        {
          fetchRecording: async (l, t) => (kept = await fetchRecording(l, t)),
          analyser,
          forget: async (id) => void forgotten.push(id),
        },
      );
      assert.deepEqual(out, { branch: 'spoke', why: 'the caller spoke' });
      assert.deepEqual(forgotten, ['call-1']);
      assert.ok(
        kept && kept.length === served!.length && kept.every((b) => b === 0),
        'the fetched bytes were zeroed',
      );
      const denied = await analyseRecording(
        'call-2',
        { operation: {} as never, recordingLocation: url, recordingAccessToken: 'wrong' },
        { fetchRecording, analyser, forget: async (id) => void forgotten.push(id) },
      );
      assert.equal(denied.branch, 'failed');
      assert.doesNotMatch(denied.why, /rec-1|wrong/, 'neither the location nor the token is repeated');
      assert.deepEqual(forgotten, ['call-1', 'call-2']);
    } finally {
      server.close();
    }
  });

  it('removes recording references from every calling table of the call, and only those', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sb-forget-'));
    const store = await openStore({ sqlitePath: path.join(dir, 'db.sqlite') });
    try {
      const data = createCallData(store);
      const secret = {
        recordingLocation: 'https://media.example/rec/9',
        recordingAccessToken: 'tok-9',
        status: 'completed',
      };
      await data.timeline.add([
        { callId: 'c1', at: 1, kind: 'notification', summary: 'op', data: { resourceData: secret } },
        { callId: 'c2', at: 1, kind: 'notification', summary: 'other call', data: secret },
      ]);
      await data.inbox.append([
        {
          callId: 'c1',
          tenantId: 't',
          receivedAt: 1,
          notification: { resourceData: secret },
          contentHash: 'h1',
        },
      ]);
      const changed = await forgetRecordings(store, 'c1');
      assert.equal(changed, 2);
      const [kept] = await data.timeline.list('c1');
      assert.deepEqual(kept?.data, { resourceData: { status: 'completed' } });
      assert.deepEqual((await data.timeline.list('c2'))[0]?.data, secret, 'another call is not touched');
      assert.equal(await forgetRecordings(store, 'c1'), 0, 'nothing left to remove');
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
