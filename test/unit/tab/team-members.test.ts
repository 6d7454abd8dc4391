// GET /api/tab/teams/:groupId/members: the roster read as the user (their token, their tenant), in the
// board's person shape without the user, and Graph's refusals as the tab's answers.
import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { createTabApi } from '../../../teams-tab/api';
import type { TabGraph } from '../../../teams-tab/api';
import { ADELE, fakeGraph, request, silentLogger, TENANT, verify } from './fakes';

const TEAM = '02bd9fd6-8f93-4758-87c3-1fb73740a315';

const member = (userId: string, displayName: string, roles: string[] = [], email?: string) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  id: `m-${userId}`,
  userId,
  displayName,
  roles,
  ...(email ? { email } : {}),
  tenantId: TENANT,
});

type Spec = Parameters<NonNullable<TabGraph['graph']>['request']>[0];

function setup(answer: (spec: Spec) => Promise<{ status: number; body?: unknown }>, withRequests = true) {
  const g = fakeGraph({});
  const asked: Spec[] = [];
  const graph: TabGraph = withRequests
    ? {
        ...g.graph,
        graph: {
          async request<T>(spec: Spec) {
            asked.push(spec);
            return (await answer(spec)) as { status: number; body?: T };
          },
        },
      }
    : g.graph;
  const api = createTabApi({ verify, logger: silentLogger, graph });
  return { asked, edge: api.edge };
}

/** A failure as the calling module's Graph client throws it. */
const graphFailure = (code: string, status: number, message: string) =>
  Object.assign(new Error(message), { code, status });

const get = (path: string) => request('GET', path, { token: 'token-adele' });

describe('tab API: team members', () => {
  it("reads the team's members on behalf of the user and answers them as people, without the user", async () => {
    const t = setup(async () => ({
      status: 200,
      body: {
        value: [
          member('megan-0000', 'Megan Bowen', ['owner'], 'megan@contoso.example'),
          member(ADELE.id, 'Adele Vance', ['owner']),
          member('alex-0000', 'Alex Wilber'),
          {
            '@odata.type': '#microsoft.graph.anonymousGuestConversationMember',
            id: 'x',
            displayName: 'Guest',
          },
        ],
      },
    }));
    const res = await t.edge(get(`/api/tab/teams/${TEAM}/members`));
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, {
      groupId: TEAM,
      members: [
        { id: 'alex-0000', displayName: 'Alex Wilber' },
        { id: 'megan-0000', displayName: 'Megan Bowen', mail: 'megan@contoso.example', owner: true },
      ],
    });
    assert.equal(t.asked.length, 1);
    assert.deepEqual(t.asked[0], {
      method: 'GET',
      path: `/teams/${TEAM}/members`,
      auth: { kind: 'user', userAssertion: 'token-adele' },
      context: { tenantId: TENANT },
    });
  });

  it('says when Graph had more members than its first page', async () => {
    const t = setup(async () => ({
      status: 200,
      body: { value: [member('alex-0000', 'Alex Wilber')], '@odata.nextLink': 'https://graph/next' },
    }));
    const res = await t.edge(get(`/api/tab/teams/${TEAM}/members`));
    assert.equal((res.body as { more?: boolean }).more, true);
  });

  it('refuses a group id that is not a GUID before asking Graph', async () => {
    const t = setup(async () => ({ status: 200, body: { value: [] } }));
    for (const bad of ['not-a-guid', `${TEAM}%2F..%2Fusers`, '..']) {
      const res = await t.edge(get(`/api/tab/teams/${bad}/members`));
      assert.equal(res.status, bad === '..' ? 404 : 400, bad);
    }
    assert.equal(t.asked.length, 0);
  });

  it('refuses an unsigned request without asking Graph', async () => {
    const t = setup(async () => ({ status: 200, body: { value: [] } }));
    const res = await t.edge(request('GET', `/api/tab/teams/${TEAM}/members`));
    assert.equal(res.status, 401);
    assert.equal(t.asked.length, 0);
  });

  it("turns Graph's refusal of a non-member into 403 forbidden (no consent button)", async () => {
    const t = setup(async () => {
      throw graphFailure(
        'graph_permission_missing',
        403,
        'The app is not allowed to GET /teams/x/members (The signed-in user is not a member of team x and may not read its members).',
      );
    });
    const res = await t.edge(get(`/api/tab/teams/${TEAM}/members`));
    assert.equal(res.status, 403);
    const err = (res.body as { error: { code: string; message: string; consent?: unknown } }).error;
    assert.equal(err.code, 'forbidden');
    assert.match(err.message, /not allowed to see this team's members/);
    assert.equal(err.consent, undefined);
  });

  it('turns a missing delegated scope into the consent answer', async () => {
    const t = setup(async () => {
      throw graphFailure(
        'graph_permission_missing',
        403,
        "The app is not allowed to GET /teams/x/members (Missing scope permissions on the request. API requires one of 'TeamMember.Read.All, TeamMember.ReadWrite.All').",
      );
    });
    const res = await t.edge(get(`/api/tab/teams/${TEAM}/members`));
    assert.equal(res.status, 403);
    const err = (res.body as { error: { code: string; reason: string; consent: { required: boolean } } })
      .error;
    assert.equal(err.code, 'consent_required');
    assert.equal(err.reason, 'graph_consent');
    assert.equal(err.consent.required, true);
  });

  it('turns an on-behalf-of consent failure into the consent answer, as the other routes do', async () => {
    const t = setup(async () => {
      throw graphFailure('graph_auth_failed', 0, 'Could not get an on-behalf-of token: AADSTS65001: consent');
    });
    const res = await t.edge(get(`/api/tab/teams/${TEAM}/members`));
    assert.equal(res.status, 403);
    assert.equal((res.body as { error: { reason: string } }).error.reason, 'graph_consent');
  });

  it('answers 404 for a team Graph does not know, and passes other failures on', async () => {
    const t = setup(async () => {
      throw graphFailure('graph_not_found', 404, 'Graph found nothing at /teams/x/members');
    });
    const res = await t.edge(get(`/api/tab/teams/${TEAM}/members`));
    assert.equal(res.status, 404);
    assert.equal((res.body as { error: { code: string } }).error.code, 'not_found');
    const boom = graphFailure('graph_unavailable', 503, 'Graph is unavailable');
    const t2 = setup(async () => {
      throw boom;
    });
    await assert.rejects(t2.edge(get(`/api/tab/teams/${TEAM}/members`)), (e) => e === boom);
  });

  it('answers 503 when the deployment cannot make Graph requests', async () => {
    const t = setup(async () => ({ status: 200 }), false);
    const res = await t.edge(get(`/api/tab/teams/${TEAM}/members`));
    assert.equal(res.status, 503);
  });
});
