// Team rosters against the emulator process: GET /teams/{id}/members as a member (delegated
// TeamMember.Read.All) or an app, one member, $select/$filter/$top, the refusals (scope not consented,
// not a member, unknown team, a token for another audience), GET /groups/{id}/members, and the control
// API's /emulator/teams.
import assert from 'node:assert/strict';
import { startEmulator } from '../../helpers/emulator';
import type { RunningEmulator } from '../../helpers/emulator';
import { GraphTestClient, request } from '../../helpers/graph-test-client';
import type { Wire } from '../../helpers/graph-test-client';
import { delegatedToken, graphAs } from './delegated';
import { PEOPLE } from './fixture';

const SALES = '02bd9fd6-8f93-4758-87c3-1fb73740a315';
const ENGINEERING = '8090c93e-ba7c-433e-9f39-08c7ba07c0b3';
const LIDIA = '09490e3a-050b-4875-8cce-738a1034279b';
const SALES_MEMBERS = [PEOPLE.adele, PEOPLE.alex, PEOPLE.megan, PEOPLE.isaiahDeclines, LIDIA];

describe('emulator e2e: team members', function () {
  this.timeout(30_000);
  let emu: RunningEmulator;
  let app: GraphTestClient;
  let adele: string;

  before(async () => {
    emu = await startEmulator();
    app = new GraphTestClient(emu);
    adele = await delegatedToken(emu, PEOPLE.adele, ['TeamMember.Read.All']);
  });
  after(async () => {
    await emu?.stop();
  });
  afterEach(async () => {
    await emu.control('POST', '/emulator/reset');
    app.refresh();
  });

  const userIds = (body: Wire): string[] => (body.value as Wire[]).map((m) => m.userId as string).sort();

  it("lists a team's members to one of them as aadUserConversationMember objects", async () => {
    const res = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(
      res.body['@odata.context'],
      new RegExp(`/v1\\.0/\\$metadata#teams\\('${SALES}'\\)/members$`),
    );
    assert.deepEqual(userIds(res.body), [...SALES_MEMBERS].sort());
    const megan = (res.body.value as Wire[]).find((m) => m.userId === PEOPLE.megan) as Wire;
    assert.deepEqual(Object.keys(megan).sort(), [
      '@odata.type',
      'displayName',
      'email',
      'id',
      'roles',
      'tenantId',
      'userId',
      'visibleHistoryStartDateTime',
    ]);
    assert.equal(megan['@odata.type'], '#microsoft.graph.aadUserConversationMember');
    assert.equal(megan.displayName, 'Megan Bowen');
    assert.equal(megan.email, 'megan.bowen@contoso.example');
    assert.deepEqual(megan.roles, ['owner']);
    assert.equal(megan.tenantId, emu.tenantId);
    const alex = (res.body.value as Wire[]).find((m) => m.userId === PEOPLE.alex) as Wire;
    assert.deepEqual(alex.roles, []);
    assert.notEqual(alex.id, megan.id);
  });

  it('gets one member by its membership id, and 404s an id from another team', async () => {
    const list = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members`);
    const first = (list.body.value as Wire[])[0] as Wire;
    const one = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members/${encodeURIComponent(first.id)}`);
    assert.equal(one.status, 200, JSON.stringify(one.body));
    assert.equal(one.body.userId, first.userId);
    assert.match(one.body['@odata.context'], /\/members\/\$entity$/);
    const stranger = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members/bm90LWEtbWVtYmVy`);
    assert.equal(stranger.status, 404);
  });

  it('applies $select (keeping the type), $filter on roles and $top with a nextLink', async () => {
    const sel = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members?$select=displayName,userId`);
    assert.equal(sel.status, 200, JSON.stringify(sel.body));
    assert.deepEqual(Object.keys((sel.body.value as Wire[])[0] as Wire).sort(), [
      '@odata.type',
      'displayName',
      'id',
      'userId',
    ]);
    const bad = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members?$select=shoeSize`);
    assert.equal(bad.status, 400);
    const filter = encodeURIComponent("roles/any(r:r eq 'owner')");
    const owners = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members?$filter=${filter}`);
    assert.equal(owners.status, 200, JSON.stringify(owners.body));
    assert.deepEqual(userIds(owners.body), [PEOPLE.adele, PEOPLE.megan].sort());
    const broken = await graphAs(
      emu,
      adele,
      'GET',
      `/teams/${SALES}/members?$filter=${encodeURIComponent("displayName eq 'A")}`,
    );
    assert.equal(broken.status, 400);
    const first = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members?$top=3`);
    assert.equal(first.body.value.length, 3);
    const next = first.body['@odata.nextLink'] as string;
    assert.ok(next, 'a nextLink when more members remain');
    const rest = await request(next, { ca: emu.ca, headers: { authorization: `Bearer ${adele}` } });
    assert.equal(rest.status, 200);
    assert.equal(rest.body.value.length, 2);
    assert.equal(rest.body['@odata.nextLink'], undefined);
  });

  it('refuses a delegated token without TeamMember.Read.All, naming the scopes', async () => {
    const plain = await delegatedToken(emu, PEOPLE.adele, ['User.Read']);
    const res = await graphAs(emu, plain, 'GET', `/teams/${SALES}/members`);
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'Forbidden');
    assert.match(res.body.error.message, /Missing scope permissions.*TeamMember\.Read\.All/);
  });

  it("refuses a private team's roster to someone outside it, and shows them their own team", async () => {
    const henrietta = await delegatedToken(emu, PEOPLE.henrietta, ['TeamMember.Read.All']);
    const other = await graphAs(emu, henrietta, 'GET', `/teams/${SALES}/members`);
    assert.equal(other.status, 403);
    assert.equal(other.body.error.code, 'Forbidden');
    assert.match(other.body.error.message, /not a member of team/);
    const own = await graphAs(emu, henrietta, 'GET', `/teams/${ENGINEERING}/members`);
    assert.equal(own.status, 200);
    assert.ok(userIds(own.body).includes(PEOPLE.henrietta));
  });

  it("answers 404 with Graph's error body for a team that does not exist", async () => {
    const missing = '11111111-2222-3333-4444-555555555555';
    const res = await graphAs(emu, adele, 'GET', `/teams/${missing}/members`);
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'NotFound');
    assert.equal(res.body.error.message, `No team found with Group Id ${missing}`);
    assert.ok(res.body.error.innerError['request-id']);
    assert.ok(res.body.error.innerError.date);
  });

  it("refuses a token issued for another audience (the user's token for the app's own API)", async () => {
    const tenant = (await emu.control('GET', '/emulator/tenant')).body;
    assert.ok(tenant.teams.length >= 1);
    const res = await request(`${emu.httpUrl}/host/token`, {
      method: 'POST',
      body: { personId: PEOPLE.adele },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const wrong = await graphAs(emu, res.body.token as string, 'GET', `/teams/${SALES}/members`);
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error.code, 'InvalidAuthenticationToken');
  });

  it('lets an app read any team once it holds TeamMember.Read.All', async () => {
    const before = await app.call('GET', `/teams/${SALES}/members`);
    assert.equal(before.status, 403);
    assert.match(before.body.error.message, /Missing role permissions/);
    const roles = (emu.tenant.apps as Wire[]).find((a) => a.appId === emu.appId)?.graphRoles as string[];
    await emu.control('PATCH', `/emulator/apps/${emu.appId}`, {
      graphRoles: [...roles, 'TeamMember.Read.All'],
    });
    app.refresh();
    const after = await app.call('GET', `/teams/${ENGINEERING}/members`);
    assert.equal(after.status, 200, JSON.stringify(after.body));
    assert.equal(after.body.value.length, 4);
  });

  it('lists the group members as directory users once GroupMember.Read.All is consented', async () => {
    const refused = await graphAs(emu, adele, 'GET', `/groups/${SALES}/members`);
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'Authorization_RequestDenied');
    const consent = (emu.tenant.apps as Wire[]).find((a) => a.appId === emu.appId)
      ?.delegatedConsent as string[];
    await emu.control('PATCH', `/emulator/apps/${emu.appId}`, {
      delegatedConsent: [...consent, 'GroupMember.Read.All'],
    });
    const token = await delegatedToken(emu, PEOPLE.adele, ['GroupMember.Read.All']);
    const res = await graphAs(emu, token, 'GET', `/groups/${SALES}/members?$select=id,displayName`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.body['@odata.context'], /#directoryObjects$/);
    const adeleEntry = (res.body.value as Wire[]).find((u) => u.id === PEOPLE.adele);
    assert.deepEqual(adeleEntry, {
      '@odata.type': '#microsoft.graph.user',
      id: PEOPLE.adele,
      displayName: 'Adele Vance',
    });
    assert.equal(res.body.value.length, SALES_MEMBERS.length);
    const missing = await graphAs(emu, token, 'GET', '/groups/11111111-2222-3333-4444-555555555555/members');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'Request_ResourceNotFound');
  });

  it('lists teams through the control API and replaces a roster until the next reset', async () => {
    const teams = await emu.control('GET', '/emulator/teams');
    assert.equal(teams.status, 200);
    const sales = (teams.body.value as Wire[]).find((t) => t.id === SALES) as Wire;
    assert.equal(sales.displayName, 'Sales and Marketing');
    assert.ok((sales.members as Wire[]).some((m) => m.displayName === 'Adele Vance'));
    const put = await emu.control('PUT', `/emulator/teams/${SALES}/members`, {
      members: [{ userId: PEOPLE.adele, roles: ['owner'] }, { userId: 'diego.siciliani@contoso.example' }],
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const now = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members`);
    assert.deepEqual(userIds(now.body), [PEOPLE.adele, PEOPLE.diego].sort());
    const bad = await emu.control('PUT', `/emulator/teams/${SALES}/members`, {
      members: [{ userId: 'nobody' }],
    });
    assert.equal(bad.status, 400);
    const unknown = await emu.control('PUT', '/emulator/teams/nope/members', { members: [] });
    assert.equal(unknown.status, 404);
    await emu.control('POST', '/emulator/reset');
    const restored = await graphAs(emu, adele, 'GET', `/teams/${SALES}/members`);
    assert.deepEqual(userIds(restored.body), [...SALES_MEMBERS].sort());
  });
});
