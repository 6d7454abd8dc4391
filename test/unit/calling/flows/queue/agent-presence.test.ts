import assert from 'node:assert/strict';
import { createAgentPresence } from '../../../../../calling/flows/queue/agent-presence';
import { CallingError } from '../../../../../calling/errors';
import type { GraphRequestSpec, GraphResponse } from '../../../../../calling/graph/types';
import { notice, quiet, secretOf, useTempStore } from './presence-harness';

/** A Graph that names each new subscription sub-1, sub-2...; `failPatch` makes renewals fail. */
function fakeGraph(opts: { failPatch?: boolean } = {}) {
  const sent: GraphRequestSpec[] = [];
  let made = 0;
  return {
    sent,
    async request<T>(spec: GraphRequestSpec): Promise<GraphResponse<T>> {
      sent.push(spec);
      if (spec.method === 'PATCH' && opts.failPatch)
        throw new CallingError('graph_not_found', 'no such subscription');
      const body = spec.method === 'POST' ? { id: `sub-${++made}` } : undefined;
      return { status: 200, body: body as T | undefined, headers: {}, clientRequestId: 'r', attempts: 1 };
    },
  };
}

describe('agents’ presence subscription', () => {
  const temp = useTempStore();
  const shared = () => ({ kv: temp.store.kv, locks: temp.store.locks });

  it('subscribes as the app to every agent and hears only its own notifications with its secret', async () => {
    const graph = fakeGraph();
    const presence = createAgentPresence({
      graph,
      ...shared(),
      notificationUrl: 'https://app/api/notifications',
      logger: quiet,
    });
    const heard: string[] = [];
    presence.onChange((id) => heard.push(id));
    await presence.follow(['U-Ann', 'u-bob', 'u-ann']);
    const post = graph.sent[0];
    assert.equal(post?.method, 'POST');
    assert.deepEqual(post?.auth, { kind: 'app' });
    const body = post?.body as { resource: string; notificationUrl: string; changeType: string };
    assert.equal(body.resource, "/communications/presences?$filter=id in ('u-ann','u-bob')");
    assert.equal(body.notificationUrl, 'https://app/api/notifications');
    const secret = secretOf(post);

    const taken = await presence.accept({
      value: [
        notice('sub-1', secret, 'U-ANN'),
        notice('sub-1', 'forged', 'u-bob'),
        notice('someone-else', 'theirs', 'u-cy'),
        notice('sub-1', secret, 'u-ann'),
      ],
    });
    assert.deepEqual(taken, ['u-ann']);
    assert.deepEqual(heard, ['u-ann'], 'a forged or foreign notification is not heard; a repeat once');
    assert.deepEqual(await presence.accept('not a collection'), []);
    await presence.stop();
  });

  it('renews before expiry', async () => {
    const renewing = fakeGraph();
    const a = createAgentPresence({
      graph: renewing,
      ...shared(),
      notificationUrl: 'https://app/n',
      logger: quiet,
      renewEveryMs: 20,
    });
    await a.follow(['u-ann']);
    await new Promise((r) => setTimeout(r, 70));
    await a.stop();
    assert.ok(
      renewing.sent.some((s) => s.method === 'PATCH' && s.path === '/subscriptions/sub-1'),
      'renewed',
    );
  });

  it('makes the subscription again when Graph no longer has it', async () => {
    const forgotten = fakeGraph({ failPatch: true });
    const b = createAgentPresence({
      graph: forgotten,
      ...shared(),
      notificationUrl: 'https://app/n',
      logger: quiet,
      renewEveryMs: 20,
    });
    await b.follow(['u-ann']);
    await new Promise((r) => setTimeout(r, 35));
    const posts = forgotten.sent.filter((s) => s.method === 'POST');
    assert.ok(posts.length >= 2, 'made again');
    // From now on the new subscription, with its own secret, is the one heard.
    const newest = `sub-${posts.length}`;
    assert.deepEqual(await b.accept({ value: [notice('sub-1', secretOf(posts[0]), 'u-ann')] }), []);
    assert.deepEqual(await b.accept({ value: [notice(newest, secretOf(posts.at(-1)), 'u-ann')] }), ['u-ann']);
    await b.stop();
  });

  it('stops without waiting on a Graph that no longer answers (shutdown goes on; the subscription expires)', async () => {
    const graph = fakeGraph();
    const hanging = {
      async request<T>(spec: GraphRequestSpec): Promise<GraphResponse<T>> {
        if (spec.method === 'DELETE') return new Promise<GraphResponse<T>>(() => undefined);
        return graph.request<T>(spec);
      },
    };
    const presence = createAgentPresence({
      graph: hanging as never,
      ...shared(),
      notificationUrl: 'https://app/api/notifications',
      logger: quiet,
    });
    await presence.follow(['a1']);
    const started = Date.now();
    await presence.stop();
    assert.ok(Date.now() - started < 5_000, `stop took ${Date.now() - started} ms`);
  });
});
