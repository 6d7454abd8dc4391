// Directory users against the emulator process: GET /users/{id} (object id or UPN), $select, $filter
// (startswith, eq, in; advanced functions only with ConsistencyLevel), $top paging, GET /me, and the
// directory's 400/403/404 bodies.
import assert from 'node:assert/strict';
import { startEmulator } from '../../helpers/emulator';
import type { RunningEmulator } from '../../helpers/emulator';
import { GraphTestClient, request } from '../../helpers/graph-test-client';
import type { Wire } from '../../helpers/graph-test-client';
import { delegatedToken, graphAs } from './delegated';
import { PEOPLE } from './fixture';

const DEFAULT_FIELDS = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

describe('emulator e2e: users', function () {
  this.timeout(30_000);
  let emu: RunningEmulator;
  let graph: GraphTestClient;

  before(async () => {
    emu = await startEmulator();
    graph = new GraphTestClient(emu);
  });
  after(async () => {
    await emu?.stop();
  });

  const names = (body: Wire): string[] => (body.value as Wire[]).map((u) => u.displayName).sort();
  const filter = (f: string, extra = '') =>
    graph.call('GET', `/users?$filter=${encodeURIComponent(f)}${extra}`);

  it('gets a user by object id with the default properties, and by UPN', async () => {
    const res = await graph.call('GET', `/users/${PEOPLE.adele}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.body['@odata.context'], /\/v1\.0\/\$metadata#users\/\$entity$/);
    const { '@odata.context': _c, ...user } = res.body;
    assert.deepEqual(Object.keys(user), DEFAULT_FIELDS);
    assert.equal(user.displayName, 'Adele Vance');
    assert.deepEqual(user.businessPhones, ['+14255550100']);
    assert.equal(user.mobilePhone, null);
    const byUpn = await graph.call('GET', '/users/ADELE.VANCE@contoso.example');
    assert.equal(byUpn.status, 200);
    assert.equal(byUpn.body.id, PEOPLE.adele);
  });

  it('returns only the selected properties (plus id) and refuses a property the user type lacks', async () => {
    const res = await graph.call('GET', `/users/${PEOPLE.alex}?$select=displayName,JobTitle`);
    assert.equal(res.status, 200);
    assert.match(res.body['@odata.context'], /#users\(displayName,jobTitle\)\/\$entity$/);
    const { '@odata.context': _c, ...user } = res.body;
    assert.deepEqual(user, { displayName: 'Alex Wilber', jobTitle: 'Marketing Assistant', id: PEOPLE.alex });
    const bad = await graph.call('GET', `/users/${PEOPLE.alex}?$select=displayName,shoeSize`);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'BadRequest');
    assert.equal(
      bad.body.error.message,
      "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.",
    );
  });

  it('answers 404 Request_ResourceNotFound for a user that does not exist', async () => {
    const id = '00000000-0000-0000-0000-0000000000aa';
    const res = await graph.call('GET', `/users/${id}`);
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'Request_ResourceNotFound');
    assert.equal(
      res.body.error.message,
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    );
    assert.ok(res.body.error.innerError['request-id']);
  });

  it('filters with startswith (any case), eq on mail and UPN, and in', async () => {
    const a = await filter("startswith(displayName,'a')");
    assert.equal(a.status, 200, JSON.stringify(a.body));
    assert.deepEqual(names(a.body), ['Adele Vance', 'Alex Wilber']);
    const mail = await filter("mail eq 'diego.siciliani@contoso.example'");
    assert.deepEqual(names(mail.body), ['Diego Siciliani']);
    const upn = await filter("userPrincipalName eq 'LEE.GU@contoso.example' or givenName eq 'Megan'");
    assert.deepEqual(names(upn.body), ['Lee Gu', 'Megan Bowen']);
    const quoted = await filter("displayName eq 'O''Brien'");
    assert.deepEqual(quoted.body.value, []);
    const ids = await filter(`id in ('${PEOPLE.adele}','${PEOPLE.megan}')`, '&$select=id');
    assert.deepEqual(ids.body.value.map((u: Wire) => u.id).sort(), [PEOPLE.adele, PEOPLE.megan].sort());
    assert.deepEqual(Object.keys(ids.body.value[0]), ['id']);
  });

  it('refuses unfilterable properties, broken clauses and advanced functions without ConsistencyLevel', async () => {
    const prop = await filter("officeLocation eq 'Redmond'");
    assert.equal(prop.status, 400);
    assert.equal(prop.body.error.code, 'Request_UnsupportedQuery');
    assert.match(prop.body.error.message, /property 'officeLocation' of resource 'User'/);
    const broken = await filter("startswith(displayName,'A'");
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error.code, 'BadRequest');
    assert.match(broken.body.error.message, /^Invalid filter clause/);
    const ends = await filter("endswith(mail,'@contoso.example')");
    assert.equal(ends.status, 400);
    assert.equal(ends.body.error.message, 'Unsupported Query.');
    const advanced = await graph.call(
      'GET',
      `/users?$filter=${encodeURIComponent("endswith(displayName,'Gu')")}`,
      undefined,
      { ConsistencyLevel: 'eventual' },
    );
    assert.equal(advanced.status, 200);
    assert.deepEqual(names(advanced.body), ['Lee Gu']);
  });

  it('pages with $top and @odata.nextLink, and refuses a page size over 999', async () => {
    const first = await graph.call('GET', '/users?$top=5&$select=id');
    assert.equal(first.status, 200);
    assert.equal(first.body.value.length, 5);
    const seen = first.body.value.map((u: Wire) => u.id);
    let next: string | undefined = first.body['@odata.nextLink'];
    while (next) {
      const page = await request(next, {
        ca: emu.ca,
        headers: { authorization: `Bearer ${await graph.token()}` },
      });
      assert.equal(page.status, 200);
      seen.push(...page.body.value.map((u: Wire) => u.id));
      next = page.body['@odata.nextLink'];
    }
    assert.equal(new Set(seen).size, emu.people.length);
    const tooMany = await graph.call('GET', '/users?$top=1000');
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.code, 'Request_UnsupportedQuery');
  });

  it('needs User.Read.All on an app token (403 Authorization_RequestDenied without it)', async () => {
    const roles = emu.tenant.apps[0].graphRoles as string[];
    await emu.control('PATCH', `/emulator/apps/${emu.appId}`, {
      graphRoles: roles.filter((r) => r !== 'User.Read.All'),
    });
    try {
      const limited = new GraphTestClient(emu);
      const res = await limited.call('GET', `/users/${PEOPLE.adele}`);
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'Authorization_RequestDenied');
      assert.equal(res.body.error.message, 'Insufficient privileges to complete the operation.');
    } finally {
      await emu.control('PATCH', `/emulator/apps/${emu.appId}`, { graphRoles: roles });
    }
  });

  it('serves /me to a signed-in user, refuses it to an app token, and limits User.Read to oneself', async () => {
    const app = await graph.call('GET', '/me');
    assert.equal(app.status, 400);
    assert.equal(app.body.error.message, '/me request is only valid with delegated authentication flow.');
    const token = await delegatedToken(emu, PEOPLE.diego, ['User.Read']);
    const me = await graphAs(emu, token, 'GET', '/me?$select=displayName,mail');
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.id, PEOPLE.diego);
    assert.equal(me.body.mail, 'diego.siciliani@contoso.example');
    const own = await graphAs(emu, token, 'GET', `/users/${PEOPLE.diego}`);
    assert.equal(own.status, 200);
    const other = await graphAs(emu, token, 'GET', `/users/${PEOPLE.adele}`);
    assert.equal(other.status, 403);
    assert.equal(other.body.error.code, 'Authorization_RequestDenied');
  });
});
