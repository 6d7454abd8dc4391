import assert from 'node:assert/strict';
import { createRefusalLog } from '../../../../calling/webhook/refusal-log';
import type { WebhookLogger } from '../../../../calling/webhook/types';

describe('calling/webhook refusal log', () => {
  let lines: Array<{ obj: Record<string, unknown>; msg?: string }>;
  let now: number;
  const logger: WebhookLogger = {
    debug: () => undefined,
    info: (obj, msg) => lines.push({ obj: obj as Record<string, unknown>, ...(msg ? { msg } : {}) }),
    warn: () => undefined,
    error: () => undefined,
  };
  beforeEach(() => {
    lines = [];
    now = 1_000_000;
  });

  it('logs the first refusals of each reason one by one, then counts them in one line per window', async () => {
    const log = createRefusalLog(logger, { perReason: 2, windowMs: 30, now: () => now });
    for (let i = 0; i < 5; i++) log('bad_signature');
    log('expired');
    assert.deepEqual(
      lines.map((l) => l.obj['reason']),
      ['bad_signature', 'bad_signature', 'expired'],
    );
    assert.ok(lines.every((l) => l.msg === 'calling notification refused'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    const summary = lines[3];
    assert.equal(lines.length, 4);
    assert.deepEqual(summary?.obj['refused'], { bad_signature: 3 });
    assert.equal(summary?.obj['total'], 3);
  });

  it('a new window logs one by one again', () => {
    const log = createRefusalLog(logger, { perReason: 1, windowMs: 1000, now: () => now });
    log('bad_signature');
    log('bad_signature');
    now += 1000;
    log('bad_signature');
    assert.equal(lines.filter((l) => l.msg === 'calling notification refused').length, 2);
  });

  it('writes no summary when nothing went unlogged', async () => {
    const log = createRefusalLog(logger, { perReason: 5, windowMs: 10, now: () => now });
    log('expired');
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(lines.length, 1);
  });
});
