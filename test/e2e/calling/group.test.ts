import assert from 'node:assert/strict';
import type { CallingEvents } from '../../../calling';
import { collect, person, script, until, useCallingStack } from './harness';

describe('calling e2e: group calls and meetings', function () {
  this.timeout(90_000);
  const h = useCallingStack();

  it('places a group call, invites, lists and mutes participants, and sees people leave', async () => {
    const [adele, alex, diego] = ['Adele Vance', 'Alex Wilber', 'Diego Siciliani'].map((n) => person(h, n));
    for (const p of [adele!, alex!, diego!]) await script(h, p.id, { onRing: 'answer', answerAfterMs: 200 });
    const joined = collect<CallingEvents['participantsJoined']>((f) => h.calling.on('participantsJoined', f));
    const left = collect<CallingEvents['participantsLeft']>((f) => h.calling.on('participantsLeft', f));

    const call = await h.calling.placeCall({
      to: [{ user: adele!.id }, { user: alex!.id }],
      subject: 'e2e group',
    });
    await h.calling.waitForState(call.id, 'established', 15_000);
    const joinedIds = () =>
      new Set(
        joined.items
          .filter((e) => e.call.id === call.id)
          .flatMap((e) => e.participants.map((p) => p.identity.id)),
      );
    await until(() => joinedIds().has(adele!.id) && joinedIds().has(alex!.id), 'both people joined');

    const invite = await h.calling.participants.invite(call.id, [{ user: diego!.id }]);
    assert.equal(invite.status, 'completed');
    await until(() => joinedIds().has(diego!.id), 'Diego joined');
    assert.ok(![...joinedIds()].includes(h.emu.appId), 'the app itself is not announced as joining');

    const listed = await h.calling.participants.list(call.id);
    const people = listed
      .filter((p) => !p.isSelf)
      .map((p) => p.identity.id)
      .sort();
    assert.deepEqual(people, [adele!.id, alex!.id, diego!.id].sort());
    assert.equal(listed.filter((p) => p.isSelf).length, 1);

    const target = listed.find((p) => p.identity.id === alex!.id)!;
    const mute = await h.calling.participants.mute(call.id, target.id);
    assert.equal(mute.status, 'completed');
    await until(
      async () =>
        (await h.calling.getCall(call.id))?.participants.find((p) => p.id === target.id)?.isMuted === true,
      'Alex muted in the roster',
    );

    const diegoEntry = listed.find((p) => p.identity.id === diego!.id)!;
    const emuCall = (await h.emu.control('GET', `/emulator/calls/${call.id}`)).body as { id: string };
    await h.emu.control('POST', `/emulator/calls/${emuCall.id}/hangup`, { personId: diego!.id });
    await until(
      () => left.items.some((e) => e.participants.some((p) => p.id === diegoEntry.id)),
      'Diego left',
    );
    assert.ok(!(await h.calling.getCall(call.id))?.participants.some((p) => p.id === diegoEntry.id));

    await h.calling.hangUp(call.id);
    await h.calling.waitForState(call.id, 'terminated', 10_000);
  });

  for (const form of ['long', 'short'] as const) {
    it(`joins the seeded meeting by its ${form} join URL and sees who is in it`, async () => {
      const tenant = h.emu.tenant as { tenantId: string; meetings: Array<Record<string, string | string[]>> };
      const m = tenant.meetings[0]!;
      const url =
        form === 'long'
          ? `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(String(m['threadId']))}/0?context=${encodeURIComponent(
              JSON.stringify({ Tid: tenant.tenantId, Oid: m['organizerId'] }),
            )}`
          : `https://teams.microsoft.com/meet/${String(m['joinMeetingId'])}?p=${String(m['passcode'])}`;
      const joined = collect<CallingEvents['participantsJoined']>((f) =>
        h.calling.on('participantsJoined', f),
      );
      const call = await h.calling.joinMeeting(url, { scenarioId: `meeting-${form}` });
      await h.calling.waitForState(call.id, 'established', 15_000);
      const expected = m['attendeesInMeeting'] as string[];
      await until(
        () =>
          expected.every((id) =>
            joined.items.some(
              (e) => e.call.id === call.id && e.participants.some((p) => p.identity.id === id),
            ),
          ),
        'the meeting attendees in the roster',
      );
      joined.off();
      await h.calling.hangUp(call.id);
      await h.calling.waitForState(call.id, 'terminated', 10_000);
    });
  }
});
