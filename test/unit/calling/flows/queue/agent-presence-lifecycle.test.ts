import assert from 'node:assert/strict';
import { createAgentPresence } from '../../../../../calling/flows/queue/agent-presence';
import type { GraphRequestSpec, GraphResponse } from '../../../../../calling/graph/types';
import { quiet, secretOf, useTempStore } from './presence-harness';

function fakeGraph() {
  const sent: GraphRequestSpec[] = [];
  let made = 0;
  return {
    sent,
    async request<T>(spec: GraphRequestSpec): Promise<GraphResponse<T>> {
      sent.push(spec);
      const body = spec.method === 'POST' ? { id: `sub-${++made}` } : undefined;
      return { status: 200, body: body as T | undefined, headers: {}, clientRequestId: 'r', attempts: 1 };
    },
  };
}

const lifecycle = (subscriptionId: string, clientState: string, lifecycleEvent: string) => ({
  subscriptionId,
  subscriptionExpirationDateTime: '2026-12-06T22:00:00Z',
  tenantId: 't',
  clientState,
  lifecycleEvent,
});

describe('agents’ presence subscription: lifecycle notifications', () => {
  const temp = useTempStore();

  async function following() {
    const graph = fakeGraph();
    const presence = createAgentPresence({
      graph,
      kv: temp.store.kv,
      locks: temp.store.locks,
      notificationUrl: 'https://app/api/notifications',
      logger: quiet,
    });
    const heard: string[] = [];
    presence.onChange((id) => heard.push(id));
    await presence.follow(['u-bob', 'u-ann']);
    return { graph, presence, heard, secret: secretOf(graph.sent[0]) };
  }

  it('asks Graph for lifecycle notifications at the notification URL', async () => {
    const { graph, presence } = await following();
    const body = graph.sent[0]?.body as { lifecycleNotificationUrl?: string };
    assert.equal(body.lifecycleNotificationUrl, 'https://app/api/notifications');
    await presence.stop();
  });

  it('renews on reauthorizationRequired, and only with the subscription’s secret', async () => {
    const { graph, presence, secret } = await following();
    await presence.accept({ value: [lifecycle('sub-1', 'forged', 'reauthorizationRequired')] });
    assert.equal(graph.sent.filter((s) => s.method === 'PATCH').length, 0, 'a forged notice is refused');
    await presence.accept({ value: [lifecycle('sub-1', secret, 'reauthorizationRequired')] });
    const patch = graph.sent.find((s) => s.method === 'PATCH');
    assert.equal(patch?.path, '/subscriptions/sub-1');
    await presence.stop();
  });

  it('makes the subscription again on subscriptionRemoved, and hears the new one', async () => {
    const { graph, presence, heard, secret } = await following();
    await presence.accept({ value: [lifecycle('sub-1', secret, 'subscriptionRemoved')] });
    const posts = graph.sent.filter((s) => s.method === 'POST');
    assert.equal(posts.length, 2, 'made again');
    // A second notice of the same removal (Graph retries, or another instance took it) makes no third.
    await presence.accept({ value: [lifecycle('sub-1', secret, 'subscriptionRemoved')] });
    assert.equal(graph.sent.filter((s) => s.method === 'POST').length, 2);
    const changed = await presence.accept({
      value: [
        {
          subscriptionId: 'sub-2',
          clientState: secretOf(posts[1]),
          changeType: 'updated',
          resource: "communications/presences('u-ann')",
          resourceData: { id: 'u-ann' },
        },
      ],
    });
    assert.deepEqual(changed, ['u-ann']);
    assert.deepEqual(heard, ['u-ann']);
    await presence.stop();
  });

  it('on missed, treats every agent as changed', async () => {
    const { presence, heard, secret } = await following();
    await presence.accept({ value: [lifecycle('sub-1', secret, 'missed')] });
    assert.deepEqual(heard.sort(), ['u-ann', 'u-bob']);
    await presence.stop();
  });
});
