import assert from 'node:assert/strict';
import { FakePortError } from './fake-ports';
import { adele, alex, cardOf, CONVERSATION, harness, megan, until } from './harness';
import { assertValidCard, button, buttons, cardText } from './validate-card';

describe('bot conversation: calls (TestAdapter, fake ports)', () => {
  it('help answers with the help card', async () => {
    const h = harness();
    const out = await h.say('help');
    assert.equal(out.length, 1);
    const card = cardOf(out[0]);
    assertValidCard(card);
    assert.match(cardText(card), /Switchboard commands/);
  });

  it('welcomes once when the bot itself is added, not when someone else joins', async () => {
    const h = harness();
    const added = await h.send({
      type: 'conversationUpdate',
      membersAdded: [
        { id: '29:alex', name: 'Alex' },
        { id: '28:bot', name: 'Switchboard' },
      ],
    });
    assert.equal(added.length, 1);
    assert.match(cardText(cardOf(added[0])), /Welcome to Switchboard/);
    const other = await h.send({
      type: 'conversationUpdate',
      membersAdded: [{ id: '29:megan', name: 'Megan' }],
    });
    assert.equal(other.length, 0);
  });

  it('a connected call card ticks: the ticker redraws it with the time so far; an ended card stays frozen', async () => {
    const h = harness();
    const [posted] = await h.say('call me');
    h.clock += 4000;
    h.fake.answer('call-1');
    await until(() => h.adapter.updated.some((a) => /Connected/.test(cardText(cardOf(a)))), 'Connected');
    h.clock += 130_000;
    const before = h.adapter.updated.length;
    h.sb.tick();
    await until(() => h.adapter.updated.length > before, 'a redraw');
    const ticked = h.adapter.updated.at(-1)!;
    assert.equal(ticked.id, posted!.id);
    assert.match(cardText(cardOf(ticked)), /Connected · 2 min 10 s so far/);

    h.fake.end('call-1', 'hung up by Alex Wilber');
    await until(() => h.adapter.updated.some((a) => /Ended/.test(cardText(cardOf(a)))), 'Ended');
    const ended = h.adapter.updated.length;
    h.clock += 60_000;
    h.sb.tick();
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(h.adapter.updated.length, ended, 'an ended card is not redrawn');
  });

  it('call me: rings, connects, Hang up ends it, and the same card shows Ended with its duration', async () => {
    const h = harness();
    const [posted] = await h.say('call me');
    const activityId = posted!.id!;
    const ringing = cardOf(posted);
    assertValidCard(ringing);
    assert.match(cardText(ringing), /Call with Alex Wilber/);
    assert.match(cardText(ringing), /Ringing/);
    const [target, by] = h.fake.ops('placeCall')[0]!;
    assert.deepEqual(target, { kind: 'person', person: alex });
    assert.deepEqual(by, { name: 'Alex Wilber', aadObjectId: alex.id, tenantId: 'tenant-1' });

    h.clock += 4000;
    h.fake.answer('call-1');
    await until(
      () => h.adapter.updated.some((a) => /Connected/.test(cardText(cardOf(a)))),
      'the Connected card',
    );
    const connected = h.adapter.updated.at(-1)!;
    assert.equal(connected.id, activityId, 'updated in place');
    assertValidCard(cardOf(connected));

    h.clock += 95_000;
    const resp = await h.execute(button(cardOf(connected), 'Hang up'), activityId);
    assert.equal(resp.status, 200);
    assert.equal(resp.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.deepEqual(h.fake.ops('hangUp')[0]![0], 'call-1');
    await until(() => /Ended/.test(cardText(cardOf(h.adapter.updated.at(-1)))), 'the Ended card');
    const ended = h.adapter.updated.at(-1)!;
    assert.equal(ended.id, activityId);
    assertValidCard(cardOf(ended));
    assert.match(cardText(cardOf(ended)), /Ended · lasted 1 min 35 s · hung up by Alex Wilber/);
    assert.equal(buttons(cardOf(ended)).length, 0);
    assert.deepEqual(h.errors, []);
  });

  it('an out-of-order notification never takes a card back from Ended', async () => {
    const h = harness();
    const [posted] = await h.say('announce +14255550100');
    h.fake.answer('call-1');
    const connected = h.fake.calls.get('call-1')!;
    h.fake.end('call-1', 'declined');
    await until(() => h.adapter.updated.some((a) => /Ended/.test(cardText(cardOf(a)))), 'Ended');
    const count = h.adapter.updated.length;
    h.fake.replay(connected);
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(h.adapter.updated.length, count);
    assert.equal(h.adapter.updated.at(-1)!.id, posted!.id);
    assert.deepEqual(h.fake.ops('placeCall')[0]![0], { kind: 'phone', number: '+14255550100' });
  });

  it('call megan rings the requester first, then brings Megan in (click-to-call), and says so', async () => {
    const h = harness();
    const [posted] = await h.say('call megan');
    assert.equal(h.fake.ops('placeCall').length, 0, 'no bot-only call to Megan');
    const [a, b, by] = h.fake.ops('connect')[0]!;
    assert.deepEqual(a, { kind: 'person', person: alex });
    assert.deepEqual(b, { kind: 'person', person: megan });
    assert.equal((by as { name: string }).name, 'Alex Wilber');
    const text = cardText(cardOf(posted));
    assert.match(text, /Connecting Alex Wilber and Megan Bowen/);
    assert.match(text, /I am ringing you first; once you answer I bring Megan Bowen in/);
  });

  it('announce megan is a call from Switchboard alone, and its card says so', async () => {
    const h = harness();
    const [posted] = await h.say('announce megan');
    assert.deepEqual(h.fake.ops('placeCall')[0]![0], { kind: 'person', person: megan });
    assert.equal(h.fake.ops('connect').length, 0);
    assert.match(
      cardText(cardOf(posted)),
      /Switchboard is calling Megan Bowen on your behalf; you are not in this call/,
    );
  });

  it('a notification that overtakes the post still reaches the card', async () => {
    const h = harness();
    const connect = h.fake.ports.calls.connect;
    // The platform is fast: the call is answered before the bot has posted its card.
    h.fake.ports.calls.connect = async (a, b, by) => {
      const c = await connect(a, b, by);
      h.fake.answer(c.id);
      return c;
    };
    const [posted] = await h.say('call megan');
    assert.match(cardText(cardOf(posted)), /Ringing/);
    await until(
      () => h.adapter.updated.some((a) => a.id === posted!.id && /Connected/.test(cardText(cardOf(a)))),
      'Connected',
    );
  });

  it('an ambiguous name gets a pick card; picking replaces it with the call', async () => {
    const h = harness();
    const [pick] = await h.say('call adele');
    const card = cardOf(pick);
    assertValidCard(card);
    assert.match(cardText(card), /Which "adele" did you mean/);
    assert.equal(h.fake.ops('connect').length, 0, 'no guess');
    const first = buttons(card).filter((b) => b.title === 'Pick')[0]!;
    const resp = await h.execute(first, pick!.id!);
    assert.match(cardText(resp.body.value as never), /Connecting Alex Wilber and Adele Vance/);
    assert.deepEqual(h.fake.ops('connect')[0]![1], { kind: 'person', person: adele });
    assert.equal(h.adapter.updated.at(-1)!.id, pick!.id, 'the pick card became the call card');
  });

  it('an unknown name gets an error card that says what to do', async () => {
    const h = harness();
    const [out] = await h.say('call zed');
    const card = cardOf(out);
    assertValidCard(card);
    assert.match(cardText(card), /I cannot find "zed"/);
    assert.match(cardText(card), /email address, @mention them/);
    assert.match(cardText(card), /Error code: person_not_found/);
  });

  it("@mentions resolve through the roster; the bot's own mention is ignored", async () => {
    const h = harness({ members: [{ id: '29:megan', name: 'Megan Bowen', aadObjectId: megan.id }] });
    await h.say('<at>Switchboard</at> call <at>Megan</at>', {
      conversation: { ...CONVERSATION, id: 'conv-group', conversationType: 'groupChat', isGroup: true },
      entities: [
        { type: 'mention', mentioned: { id: '28:bot', name: 'Switchboard' }, text: '<at>Switchboard</at>' },
        { type: 'mention', mentioned: { id: '29:megan', name: 'Megan' }, text: '<at>Megan</at>' },
      ],
    });
    assert.deepEqual(h.fake.ops('connect')[0]![1], { kind: 'person', person: megan });
  });

  it('groupcall includes the requester; connect calls two parties', async () => {
    const h = harness();
    await h.say('groupcall megan lee');
    const [targets] = h.fake.ops('placeGroupCall')[0]!;
    assert.deepEqual(
      (targets as Array<{ person: { displayName: string } }>).map((t) => t.person.displayName),
      ['Alex Wilber', 'Megan Bowen', 'Lee Gu'],
    );
    await h.say('connect megan to +14255550100');
    const [a, b] = h.fake.ops('connect')[0]!;
    assert.deepEqual(a, { kind: 'person', person: megan });
    assert.deepEqual(b, { kind: 'phone', number: '+14255550100' });
    const [same] = await h.say('connect megan megan');
    assert.match(cardText(cardOf(same)), /same person/);
  });

  it('calls lists live calls; mute, invite and transfer forms act on the call', async () => {
    const h = harness();
    const [posted] = await h.say('announce megan');
    h.fake.answer('call-1');
    const [list] = await h.say('calls');
    const card = cardOf(list);
    assertValidCard(card);
    assert.match(cardText(card), /Live calls \(1\)/);
    const mute = button(card, 'Mute…') as { card: { actions: Array<Record<string, unknown>> } };
    await h.execute(
      {
        ...mute.card.actions[0]!,
        data: { ...(mute.card.actions[0]!.data as object), 'mute.participant.call-1': `p-${megan.id}` },
      },
      list!.id!,
    );
    assert.deepEqual(h.fake.ops('mute')[0]!.slice(0, 2), ['call-1', `p-${megan.id}`]);
    const invite = button(card, 'Invite…') as { card: { actions: Array<Record<string, unknown>> } };
    const r = await h.execute(
      {
        ...invite.card.actions[0]!,
        data: { ...(invite.card.actions[0]!.data as object), 'invite.who.call-1': 'lee' },
      },
      posted!.id!,
    );
    assert.match(cardText(r.body.value as never), /Inviting Lee Gu/);
    assert.equal(
      (h.fake.ops('invite')[0]![1] as { person: { displayName: string } }).person.displayName,
      'Lee Gu',
    );
    const transfer = button(card, 'Transfer…') as { card: { actions: Array<Record<string, unknown>> } };
    await h.execute(
      {
        ...transfer.card.actions[0]!,
        data: { ...(transfer.card.actions[0]!.data as object), 'transfer.who.call-1': '+14255550111' },
      },
      posted!.id!,
    );
    assert.deepEqual(h.fake.ops('transfer')[0]![1], { kind: 'phone', number: '+14255550111' });
  });

  it('a port failure becomes an error card with its message and hint; an unexpected one is logged', async () => {
    const h = harness();
    h.fake.failNext = new FakePortError(
      'graph_403',
      'Graph refused to place the call (403).',
      'Grant the application access policy: New-CsApplicationAccessPolicy ...',
    );
    const [out] = await h.say('call megan');
    const t = cardText(cardOf(out));
    assert.match(t, /Graph refused to place the call/);
    assert.match(t, /New-CsApplicationAccessPolicy/);
    assert.match(t, /graph_403/);
    h.fake.failNext = new TypeError('x is undefined');
    const [boom] = await h.say('call megan');
    assert.match(cardText(cardOf(boom)), /Something went wrong on our side/);
    assert.doesNotMatch(cardText(cardOf(boom)), /x is undefined/);
    assert.equal(h.errors.length, 2);
  });

  it('an automatic refresh answers the viewer with the newest card and edits nothing for everyone', async () => {
    const h = harness();
    const [posted] = await h.say('call megan');
    const card = cardOf(posted);
    h.fake.answer('call-1');
    await until(() => h.adapter.updated.length === 1, 'the Connected edit');
    const resp = await h.execute(card.refresh!.action, posted!.id!, {
      value: {
        action: { type: 'Action.Execute', verb: 'showCall', data: card.refresh!.action.data },
        trigger: 'automatic',
      },
    });
    assert.equal(resp.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(resp.body.value as never), /Connected/);
    assert.equal(h.adapter.updated.length, 1, 'no edit for a refresh');
    const manual = await h.execute(card.refresh!.action, posted!.id!);
    assert.match(cardText(manual.body.value as never), /Connected/);
  });

  it('a snapshot that names nobody (a lagging roster) keeps the people the card showed', async () => {
    const h = harness();
    const [posted] = await h.say('call megan');
    const c = h.fake.calls.get('call-1')!;
    h.fake.replay({
      ...c,
      phase: 'ended',
      endedAt: h.clock,
      endReason: 'declined',
      participants: c.participants.filter((p) => p.kind === 'bot'),
      version: 99,
    });
    await until(() => h.adapter.updated.some((a) => /Ended/.test(cardText(cardOf(a)))), 'Ended');
    const ended = cardText(cardOf(h.adapter.updated.at(-1)));
    assert.match(ended, /Connecting Alex Wilber and Megan Bowen/);
    assert.equal(h.adapter.updated.at(-1)!.id, posted!.id);
  });
});
