// Listing call records against the emulator process (v1.0 "List callRecords"): $filter on startDateTime
// and participants_v2 ids, pages with @odata.nextLink (Prefer: odata.maxpagesize), no relationships in
// the list, organizer_v2 always and participants_v2 on $expand, 400 for an unsupported filter, 403
// without CallRecords.Read.All.
import assert from 'node:assert/strict';
import { GraphTestClient, callState } from '../../helpers/graph-test-client';
import type { GraphResponse, Wire } from '../../helpers/graph-test-client';
import { PEOPLE, establishedCall, hangUpAll, setScript, startWorld } from './fixture';
import type { World } from './fixture';

describe('emulator e2e: listing call records', function () {
  this.timeout(30_000);
  let w: World;
  const chains: string[] = [];
  let between = '';

  before(async () => {
    w = await startWorld({ EMULATOR_CALLRECORD_DELAY_MS: '600000' });
    for (const id of [PEOPLE.adele, PEOPLE.alex, PEOPLE.diego])
      await setScript(w, id, { onRing: 'answer', answerAfterMs: 100 });
    // Three calls: Adele, Alex, Adele; the middle one's start splits them in time.
    for (const person of [PEOPLE.adele, PEOPLE.alex, PEOPLE.adele]) {
      if (person === PEOPLE.alex) {
        await new Promise((r) => setTimeout(r, 20));
        between = new Date().toISOString();
      }
      const callId = await establishedCall(w, person);
      chains.push((await w.emu.control('GET', `/emulator/calls/${callId}`)).body.resource.callChainId);
      await w.graph.call('DELETE', `/communications/calls/${callId}`);
      await w.hook.waitFor(callState(callId, 'terminated'));
    }
    const flushed = await w.emu.control('POST', '/emulator/records/flush');
    assert.equal(flushed.body.flushed.length, 3);
  });
  after(async () => {
    await hangUpAll(w);
    await w?.stop();
  });

  const ids = (body: Wire): string[] => (body.value as Wire[]).map((r) => r.id as string);

  it('lists every kept record, oldest first, without relationships but with organizer_v2', async () => {
    const res = await w.graph.call('GET', '/communications/callRecords');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.match(res.body['@odata.context'], /\$metadata#communications\/callRecords$/);
    assert.deepEqual(ids(res.body), chains);
    const first = res.body.value[0];
    assert.equal(first.version, 1);
    assert.equal(first.sessions, undefined);
    assert.equal(first.participants_v2, undefined);
    assert.equal(first.organizer_v2.identity.application.id, w.emu.appId);
    assert.equal(res.body['@odata.nextLink'], undefined);
  });

  it('filters on startDateTime and on a participant', async () => {
    const after = await w.graph.call(
      'GET',
      `/communications/callRecords?$filter=startDateTime ge ${between}`,
    );
    assert.deepEqual(ids(after.body), chains.slice(1));
    const before = await w.graph.call(
      'GET',
      `/communications/callRecords?$filter=startDateTime lt ${between}`,
    );
    assert.deepEqual(ids(before.body), chains.slice(0, 1));
    const adele = await w.graph.call(
      'GET',
      `/communications/callRecords?$filter=participants_v2/any(p:p/id eq '${PEOPLE.adele}') and startDateTime ge ${between}`,
    );
    assert.deepEqual(ids(adele.body), [chains[2]]);
  });

  it('pages with @odata.nextLink when asked for small pages', async () => {
    const seen: string[] = [];
    let next: string | undefined = `${w.emu.url}/v1.0/communications/callRecords`;
    let pages = 0;
    while (next) {
      const page: GraphResponse = await w.graph.call(
        'GET',
        next.slice(`${w.emu.url}/v1.0`.length),
        undefined,
        {
          prefer: 'odata.maxpagesize=2',
        },
      );
      assert.equal(page.status, 200, JSON.stringify(page.body));
      seen.push(...ids(page.body));
      next = page.body['@odata.nextLink'];
      pages += 1;
    }
    assert.equal(pages, 2);
    assert.deepEqual(seen, chains);
  });

  it('expands participants_v2 on one record, one entry per distinct identity', async () => {
    const res = await w.graph.call('GET', `/communications/callRecords/${chains[1]}?$expand=participants_v2`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const people = (res.body.participants_v2 as Wire[]).map(
      (p) => p.identity.user?.id ?? p.identity.application?.id,
    );
    assert.deepEqual(people.sort(), [PEOPLE.alex, w.emu.appId].sort());
    assert.equal(res.body.organizer_v2.id, w.emu.appId);
    const list = await w.graph.call('GET', `/communications/callRecords/${chains[1]}/participants_v2`);
    assert.equal(list.body.value.length, 2);
  });

  it('refuses a filter Graph does not support and a token without CallRecords.Read.All', async () => {
    const bad = await w.graph.call('GET', "/communications/callRecords?$filter=type eq 'groupCall'");
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /startDateTime/);
    const roles = w.emu.tenant.apps[0].graphRoles as string[];
    await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, {
      graphRoles: roles.filter((r) => r !== 'CallRecords.Read.All'),
    });
    try {
      const res = await new GraphTestClient(w.emu).call('GET', '/communications/callRecords');
      assert.equal(res.status, 403);
    } finally {
      await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, { graphRoles: roles });
    }
  });
});
