import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { createPresenceSubscriptions } from '../../../teams-tab/api';
import { ADELE, silentLogger } from './fakes';

function fakeRequests(fail = false) {
  const sent: Array<{ method: string; path: string; body?: unknown; auth?: unknown }> = [];
  return {
    sent,
    graph: {
      async request<T>(spec: { method: string; path: string; body?: unknown; auth?: unknown }) {
        sent.push(spec);
        if (fail) throw new Error('Subscription validation request failed');
        return { status: 201, body: { id: `sub-${sent.length}` } as T };
      },
    },
  };
}

describe('tab API: presence subscriptions', () => {
  it('subscribes as the user with a secret clientState and takes only notifications carrying it', async () => {
    const g = fakeRequests();
    const subs = createPresenceSubscriptions(
      g.graph,
      'https://app.example/api/notifications',
      silentLogger,
      () => 0,
    );
    const changed: string[] = [];
    const stop = await subs.follow(ADELE, ['megan-0000', "o'brien"], (id) => changed.push(id));
    assert.ok(stop);
    const create = g.sent[0]!;
    assert.equal(create.method, 'POST');
    assert.equal(create.path, '/subscriptions');
    assert.deepEqual(create.auth, { kind: 'user', userAssertion: ADELE.assertion });
    const body = create.body as {
      resource: string;
      clientState: string;
      notificationUrl: string;
      expirationDateTime: string;
    };
    assert.equal(body.resource, "/communications/presences?$filter=id in ('megan-0000','o''brien')");
    assert.equal(body.notificationUrl, 'https://app.example/api/notifications');
    assert.equal(body.expirationDateTime, new Date(55 * 60_000).toISOString());
    assert.ok(body.clientState.length >= 32);

    const note = (clientState: string, subscriptionId = 'sub-1') => ({
      subscriptionId,
      clientState,
      changeType: 'updated',
      resource: "communications/presences('megan-0000')",
      resourceData: { id: 'megan-0000' },
    });
    assert.equal(subs.accept({ value: [note('forged'), note(body.clientState, 'sub-9')] }), 0);
    assert.equal(subs.accept({ value: [note(body.clientState)] }), 1);
    assert.equal(subs.accept('nonsense'), 0);
    assert.deepEqual(changed, ['megan-0000']);

    stop();
    assert.deepEqual(g.sent.at(-1), {
      method: 'DELETE',
      path: '/subscriptions/sub-1',
      auth: { kind: 'user', userAssertion: ADELE.assertion },
      context: { tenantId: ADELE.tenantId },
    });
    assert.equal(subs.accept({ value: [note(body.clientState)] }), 0, 'a stopped subscription takes nothing');
  });

  it('answers undefined when Graph refuses the subscription (the stream polls instead)', async () => {
    const g = fakeRequests(true);
    const subs = createPresenceSubscriptions(
      g.graph,
      'http://localhost:3978/api/notifications',
      silentLogger,
    );
    assert.equal(await subs.follow(ADELE, ['x'], () => undefined), undefined);
  });
});
