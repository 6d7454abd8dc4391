import assert from 'node:assert/strict';
import { createAgentPresence } from '../../../../../calling/flows/queue/agent-presence';
import { CallingError } from '../../../../../calling/errors';
import type { GraphRequestSpec, GraphResponse } from '../../../../../calling/graph/types';
import { notice, quiet, secretOf, useTempStore } from './presence-harness';

/** One Graph for the whole deployment: names subscriptions sub-1, sub-2...; PATCH fails while `forgot`. */
function fakeGraph() {
  const sent: GraphRequestSpec[] = [];
  const state = { made: 0, forgot: false };
  return {
    sent,
    state,
    async request<T>(spec: GraphRequestSpec): Promise<GraphResponse<T>> {
      sent.push(spec);
      // Graph's validation handshake takes a moment: two instances starting together overlap.
      await new Promise((r) => setTimeout(r, 5));
      if (spec.method === 'PATCH' && state.forgot) throw new CallingError('graph_not_found', 'gone');
      const body = spec.method === 'POST' ? { id: `sub-${++state.made}` } : undefined;
      return { status: 200, body: body as T | undefined, headers: {}, clientRequestId: 'r', attempts: 1 };
    },
  };
}

describe('agents’ presence subscription shared by the instances of a deployment', () => {
  const temp = useTempStore();

  const instance = (graph: ReturnType<typeof fakeGraph>, renewEveryMs?: number) =>
    createAgentPresence({
      graph,
      kv: temp.store.kv,
      locks: temp.store.locks,
      notificationUrl: 'https://app/api/notifications',
      logger: quiet,
      ...(renewEveryMs ? { renewEveryMs } : {}),
    });

  it('two instances make one subscription, and each accepts its notifications with its secret', async () => {
    const graph = fakeGraph();
    const a = instance(graph);
    const b = instance(graph);
    const heardByB: string[] = [];
    b.onChange((id) => heardByB.push(id));
    await Promise.all([a.follow(['u-ann', 'u-bob']), b.follow(['u-bob', 'u-ann'])]);
    const posts = graph.sent.filter((s) => s.method === 'POST');
    assert.equal(posts.length, 1, 'one Graph subscription for the deployment');
    const secret = secretOf(posts[0]);
    assert.deepEqual(await a.accept({ value: [notice('sub-1', secret, 'u-ann')] }), ['u-ann']);
    assert.deepEqual(await b.accept({ value: [notice('sub-1', secret, 'u-bob')] }), ['u-bob']);
    assert.deepEqual(heardByB, ['u-bob']);
    assert.deepEqual(await b.accept({ value: [notice('sub-1', 'forged', 'u-bob')] }), [], 'wrong secret');
    await Promise.all([a.stop(), b.stop()]);
    assert.equal(
      graph.sent.filter((s) => s.method === 'DELETE').length,
      0,
      'one instance stopping leaves the others their subscription',
    );
  });

  it('an instance hears a subscription another instance made again after it knew the old one', async () => {
    const graph = fakeGraph();
    const a = instance(graph, 20);
    const b = instance(graph);
    await a.follow(['u-ann']);
    await b.follow(['u-ann']);
    graph.state.forgot = true;
    // A's renewal finds Graph forgot sub-1 and makes sub-2; B still knows sub-1 only.
    const until = Date.now() + 2_000;
    while (graph.state.made < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    await a.stop();
    const posts = graph.sent.filter((s) => s.method === 'POST');
    assert.equal(posts.length, 2, 'made again once');
    const fresh = secretOf(posts[1]);
    assert.deepEqual(await b.accept({ value: [notice('sub-2', fresh, 'u-ann')] }), ['u-ann']);
    assert.deepEqual(await b.accept({ value: [notice('sub-1', secretOf(posts[0]), 'u-ann')] }), []);
    assert.deepEqual(
      await b.accept({ value: [notice('tab-sub', 'theirs', 'u-ann')] }),
      [],
      'another subscription on presences (the tab’s) is left to its owner',
    );
    await b.stop();
  });
});
