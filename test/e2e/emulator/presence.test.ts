// Presence against the emulator process: reading one or many, Busy/InACall while a person is in a
// call (InAConferenceCall in a group call) and back afterwards, a hand-set Do not disturb standing,
// app presence sessions (setPresence/clearPresence, expiry on the emulator clock), /me, and the 4xx
// bodies.
import assert from 'node:assert/strict';
import { GraphTestClient } from '../../helpers/graph-test-client';
import type { Wire } from '../../helpers/graph-test-client';
import { delegatedToken, graphAs } from './delegated';
import { PEOPLE, SERVICE_MEDIA, p2pBody, setScript, useWorld } from './fixture';

const GRADY = 'e379f344-1c81-49b1-b5f5-49d5bd653e0d';
const LIDIA = '09490e3a-050b-4875-8cce-738a1034279b';
const NESTOR = '62b4348f-61e0-438d-8a47-96987bef5cef';

describe('emulator e2e: presence', function () {
  this.timeout(30_000);
  const w = useWorld();

  before(async () => {
    for (const id of [PEOPLE.adele, PEOPLE.alex, PEOPLE.diego])
      await setScript(w, id, { onRing: 'answer', answerAfterMs: 300 });
  });

  const presenceOf = async (id: string): Promise<{ availability: string; activity: string }> => {
    const res = await w.graph.call('GET', `/users/${id}/presence`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return { availability: res.body.availability, activity: res.body.activity };
  };
  /** Polls until the person's presence is the expected one (presence follows calls within ms). */
  const until = async (id: string, availability: string, activity: string): Promise<void> => {
    const deadline = Date.now() + 8000;
    let last = await presenceOf(id);
    while (!(last.availability === availability && last.activity === activity)) {
      if (Date.now() > deadline) assert.deepEqual(last, { availability, activity });
      await new Promise((r) => setTimeout(r, 100));
      last = await presenceOf(id);
    }
  };

  it('reads a seeded person’s presence in Graph’s shape', async () => {
    const res = await w.graph.call('GET', `/users/${GRADY}/presence`);
    assert.equal(res.status, 200);
    assert.match(res.body['@odata.context'], new RegExp(`#users\\('${GRADY}'\\)/presence/\\$entity$`));
    assert.equal(res.body.id, GRADY);
    assert.equal(res.body.availability, 'Away');
    assert.equal(res.body.activity, 'Away');
    assert.deepEqual(res.body.outOfOfficeSettings, { message: null, isOutOfOffice: false });
    const viaComms = await w.graph.call('GET', `/communications/presences/${GRADY}`);
    assert.equal(viaComms.status, 200);
    assert.equal(viaComms.body.availability, 'Away');
  });

  it('answers 404 for an unknown user and 403 without a presence role', async () => {
    const missing = await w.graph.call('GET', '/users/00000000-0000-0000-0000-0000000000bb/presence');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.error.code, 'Request_ResourceNotFound');
    const roles = w.emu.tenant.apps[0].graphRoles as string[];
    await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, {
      graphRoles: roles.filter((r) => !r.startsWith('Presence.')),
    });
    try {
      const res = await new GraphTestClient(w.emu).call('GET', `/users/${GRADY}/presence`);
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, 'Forbidden');
      assert.match(
        res.body.error.message,
        /API requires one of 'Presence\.Read\.All, Presence\.ReadWrite\.All'/,
      );
    } finally {
      await w.emu.control('PATCH', `/emulator/apps/${w.emu.appId}`, { graphRoles: roles });
    }
  });

  it('shows Busy/InACall while a person is in a P2P call and their own state again afterwards', async () => {
    assert.deepEqual(await presenceOf(PEOPLE.megan), { availability: 'Available', activity: 'Available' });
    const res = await w.graph.call('POST', '/communications/calls', p2pBody(w.hook.url, PEOPLE.megan));
    assert.equal(res.status, 201);
    // Ringing (Megan answers after 1.5 s) is not being in a call.
    assert.deepEqual(await presenceOf(PEOPLE.megan), { availability: 'Available', activity: 'Available' });
    await until(PEOPLE.megan, 'Busy', 'InACall');
    await w.graph.call('DELETE', `/communications/calls/${res.body.id}`);
    await until(PEOPLE.megan, 'Available', 'Available');
  });

  it('shows InAConferenceCall in a group call, and keeps a hand-set Do not disturb through it', async () => {
    const dnd = await w.emu.control('PUT', `/emulator/people/${PEOPLE.diego}/presence`, {
      availability: 'DoNotDisturb',
      activity: 'DoNotDisturb',
    });
    assert.equal(dnd.status, 200);
    const user = (id: string) => ({ identity: { user: { id } } });
    const res = await w.graph.call('POST', '/communications/calls', {
      callbackUri: w.hook.url,
      targets: [user(PEOPLE.alex), user(PEOPLE.diego)],
      requestedModalities: ['audio'],
      mediaConfig: SERVICE_MEDIA,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    await until(PEOPLE.alex, 'Busy', 'InAConferenceCall');
    const call = (await w.emu.control('GET', `/emulator/calls/${res.body.id}`)).body;
    assert.ok(
      call.participants.some((p: Wire) => p.personId === PEOPLE.diego),
      'Diego joined',
    );
    assert.deepEqual(await presenceOf(PEOPLE.diego), {
      availability: 'DoNotDisturb',
      activity: 'DoNotDisturb',
    });
    await w.emu.control('PUT', `/emulator/people/${PEOPLE.diego}/presence`, {
      availability: 'Available',
      activity: 'Available',
    });
    assert.deepEqual(await presenceOf(PEOPLE.diego), { availability: 'Busy', activity: 'InAConferenceCall' });
  });

  it('applies an app’s presence session, clears it, and lets it expire on the emulator clock', async () => {
    const set = (body: Record<string, unknown>) =>
      w.graph.call('POST', `/users/${LIDIA}/presence/setPresence`, body);
    const ok = await set({
      sessionId: w.emu.appId,
      availability: 'Busy',
      activity: 'InACall',
      expirationDuration: 'PT1H',
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(await presenceOf(LIDIA), { availability: 'Busy', activity: 'InACall' });
    const clear = await w.graph.call('POST', `/users/${LIDIA}/presence/clearPresence`, {
      sessionId: w.emu.appId,
    });
    assert.equal(clear.status, 200);
    assert.deepEqual(await presenceOf(LIDIA), { availability: 'Available', activity: 'Available' });
    const again = await w.graph.call('POST', `/users/${LIDIA}/presence/clearPresence`, {
      sessionId: w.emu.appId,
    });
    assert.equal(again.status, 404);

    // Grady is Away by himself: an Available session outranks Away, and ends after the default 5 minutes.
    assert.equal(
      (await set({ sessionId: w.emu.appId, availability: 'Available', activity: 'Available' })).status,
      200,
    );
    assert.deepEqual(await presenceOf(LIDIA), { availability: 'Available', activity: 'Available' });
    const grady = await w.graph.call('POST', `/users/${GRADY}/presence/setPresence`, {
      sessionId: w.emu.appId,
      availability: 'Available',
      activity: 'Available',
    });
    assert.equal(grady.status, 200);
    assert.deepEqual(await presenceOf(GRADY), { availability: 'Available', activity: 'Available' });
    const seen = (await w.emu.control('GET', `/emulator/people/${GRADY}/presence`)).body;
    assert.equal(seen.sessions.length, 1);
    await w.emu.control('POST', '/emulator/clock/advance', { minutes: 4 });
    assert.deepEqual(await presenceOf(GRADY), { availability: 'Available', activity: 'Available' });
    await w.emu.control('POST', '/emulator/clock/advance', { minutes: 2 });
    assert.deepEqual(await presenceOf(GRADY), { availability: 'Away', activity: 'Away' });
  });

  it('refuses setPresence bodies the documentation rules out', async () => {
    const set = (body: Record<string, unknown>) =>
      w.graph.call('POST', `/users/${NESTOR}/presence/setPresence`, body);
    const base = { sessionId: w.emu.appId, availability: 'Busy', activity: 'InACall' };
    const pair = await set({ ...base, activity: 'Away' });
    assert.equal(pair.status, 400);
    assert.match(
      pair.body.error.message,
      /combination availability 'Busy' and activity 'Away' is not supported/,
    );
    const short = await set({ ...base, expirationDuration: 'PT1M' });
    assert.equal(short.status, 400);
    assert.equal(short.body.error.target, 'expirationDuration');
    const long = await set({ ...base, expirationDuration: 'PT5H' });
    assert.equal(long.status, 400);
    const words = await set({ ...base, expirationDuration: '5 minutes' });
    assert.equal(words.status, 400);
    assert.equal(words.body.error.details[0].code, 'InvalidType');
    const enumValue = await set({ ...base, availability: 'Online' });
    assert.equal(enumValue.status, 400);
    assert.equal(enumValue.body.error.details[0].code, 'InvalidEnumValue');
    const missing = await set({ sessionId: w.emu.appId, availability: 'Busy' });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.details[0].code, 'MissingParameter');
    const other = await set({ ...base, sessionId: '11111111-2222-3333-4444-555555555555' });
    assert.equal(other.status, 400);
    assert.equal(other.body.error.target, 'sessionId');
    assert.deepEqual(await presenceOf(NESTOR), { availability: 'Available', activity: 'Available' });
  });

  it('reads many presences at once; unknown ids come back as PresenceUnknown', async () => {
    const unknown = '00000000-0000-0000-0000-0000000000cc';
    const res = await w.graph.call('POST', '/communications/getPresencesByUserId', {
      ids: [GRADY, PEOPLE.megan, unknown],
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const byId = new Map((res.body.value as Wire[]).map((p) => [p.id, p.availability]));
    assert.equal(byId.get(GRADY), 'Away');
    assert.equal(byId.get(PEOPLE.megan), 'Available');
    assert.equal(byId.get(unknown), 'PresenceUnknown');
    const wrong = await w.graph.call('POST', '/communications/getPresencesByUserId', { ids: GRADY });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.body.error.details[0].code, 'InvalidType');
    const tooMany = await w.graph.call('POST', '/communications/getPresencesByUserId', {
      ids: Array.from({ length: 651 }, (_, i) => `id-${i}`),
    });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.body.error.message, /650/);
  });

  it('serves /me/presence to a signed-in user with Presence.Read.All', async () => {
    const token = await delegatedToken(w.emu, GRADY, ['Presence.Read.All']);
    const me = await graphAs(w.emu, token, 'GET', '/me/presence');
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.id, GRADY);
    assert.equal(me.body.availability, 'Away');
    const other = await graphAs(w.emu, token, 'GET', `/users/${PEOPLE.megan}/presence`);
    assert.equal(other.status, 200);
    const userOnly = await delegatedToken(w.emu, GRADY, ['User.Read']);
    const refused = await graphAs(w.emu, userOnly, 'GET', '/me/presence');
    assert.equal(refused.status, 403);
    assert.match(refused.body.error.message, /Missing scope permissions/);
  });

  it('checks the control API’s presence values', async () => {
    const bad = await w.emu.control('PUT', `/emulator/people/${GRADY}/presence`, {
      availability: 'Online',
      activity: 'Available',
    });
    assert.equal(bad.status, 400);
    const person = await w.emu.control('GET', `/emulator/people/${GRADY}`);
    assert.deepEqual(person.body.currentPresence, { availability: 'Away', activity: 'Away' });
  });
});
