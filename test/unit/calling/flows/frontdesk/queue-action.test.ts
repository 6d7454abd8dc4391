import assert from 'node:assert/strict';
import pino from 'pino';
import type { CallingApi, CallView } from '../../../../../calling/core';
import {
  createFrontDesk,
  frontDeskConfigSchema,
  validateFrontDeskConfig,
} from '../../../../../calling/flows/frontdesk';
import type { FlowRuntime } from '../../../../../calling/flows/runtime';
import type { Store } from '../../../../../store';

const config = { rules: [{ name: 'queue', then: { queue: 'support' } }] };

describe('front desk: answering into a call queue', () => {
  it('accepts a queue the queues file has, and names the rule of one it lacks', () => {
    const ctx = { menuIds: new Set<string>(), queueNames: new Set(['support']) };
    assert.deepEqual(validateFrontDeskConfig(config, ctx).rules[0]?.then, { queue: 'support' });
    assert.throws(
      () => validateFrontDeskConfig(config, { menuIds: new Set<string>(), queueNames: new Set(['sales']) }),
      /rules\[0\]\.then\.queue: there is no queue "support" in the queues file/,
    );
    assert.throws(
      () => validateFrontDeskConfig(config, { menuIds: new Set<string>() }),
      /set QUEUES_CONFIG/,
      'no queues file: the rule cannot work',
    );
  });

  it('starts the queue flow on the call, or rejects it when no queue can take it', async () => {
    const saved: string[] = [];
    const rejected: string[] = [];
    const calling = {
      countCallsInProgress: async () => 0,
      saveFlow: async (_id: string, _flow: unknown, summary: string) => void saved.push(summary),
      reject: async (id: string) => void rejected.push(id),
    } as unknown as CallingApi;
    const store = { kv: { get: async () => undefined } } as unknown as Store;
    const entered: string[] = [];
    const desk = (enterQueue?: (c: string, q: string, o: string) => Promise<void>) =>
      createFrontDesk({
        calling,
        store,
        runtime: {} as FlowRuntime,
        logger: pino({ level: 'silent' }),
        fileConfig: frontDeskConfigSchema.parse(config),
        menus: new Map(),
        ...(enterQueue ? { enterQueue } : {}),
      });
    const call = { id: 'c1', resource: {} } as unknown as CallView;
    const caller = { kind: 'user' as const, id: 'u1' };
    await desk(async (c, q, o) => void entered.push(`${c} ${q} ${o}`)).handle(call, caller);
    assert.deepEqual(entered, ['c1 support front desk: rule "queue": caller u1']);
    assert.match(saved[0] ?? '', /front desk: answer into queue support/);
    await desk().handle(call, caller);
    assert.deepEqual(rejected, ['c1']);
  });
});
