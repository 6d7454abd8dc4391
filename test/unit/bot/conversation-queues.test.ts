// Call queues in a conversation on botbuilder's TestAdapter: the board card and its updates in place,
// the list, signing in and out, and the card an agent gets while a queue rings them.
import assert from 'node:assert/strict';
import type { QueueBoardView } from '../../../bot/ports';
import { alex, cardOf, CONVERSATION, harness, megan, until, type Harness } from './harness';
import { assertValidCard, button, cardText } from './validate-card';

function board(over: Partial<QueueBoardView> = {}): QueueBoardView {
  return {
    queue: 'support',
    description: 'Technical support',
    at: Date.parse('2025-03-10T10:00:00Z'),
    callers: [
      { position: 1, caller: 'Megan Bowen', waitedMs: 125_000, ringing: 'Alex Wilber' },
      { position: 2, caller: '+14255550100', waitedMs: 40_000 },
    ],
    longestWaitMs: 125_000,
    agents: [
      {
        id: alex.id,
        name: 'Alex Wilber',
        state: 'ringing',
        signedIn: true,
        presence: { id: alex.id, availability: 'Available', activity: 'Available' },
      },
      {
        id: megan.id,
        name: 'Megan Bowen',
        state: 'signedOut',
        signedIn: false,
        presence: { id: megan.id, availability: 'DoNotDisturb', activity: 'Presenting' },
      },
    ],
    ...over,
  };
}

function withBoard(): Harness {
  const h = harness();
  h.fake.boards.set('support', board());
  h.fake.boards.set(
    'sales',
    board({ queue: 'sales', description: undefined, callers: [], longestWaitMs: undefined }),
  );
  return h;
}

describe('bot conversation: call queues', () => {
  it('"queue support" shows waiting callers, the longest wait, and agents with queue state and presence', async () => {
    const h = withBoard();
    const [out] = await h.say('queue support');
    const card = cardOf(out);
    assertValidCard(card);
    const t = cardText(card);
    assert.match(t, /Queue: support · Technical support/);
    assert.match(t, /2 waiting · longest wait 2 min 05 s/);
    assert.match(t, /1\. \*\*Megan Bowen\*\* · waited 2 min 05 s · ringing Alex Wilber/);
    assert.match(t, /2\. \*\*\+14255550100\*\* · waited 40 s/);
    assert.match(t, /\*\*Alex Wilber\*\* · ringing/);
    assert.match(t, /\*\*Megan Bowen\*\* · signed out/);
    assert.match(t, /Do not disturb · presenting/);
  });

  it('follows the boards only while a queue card is live, also across a restart', async () => {
    const h = withBoard();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(h.fake.boardWatchers, 0, 'no queue card anywhere: the boards are not watched');
    await h.say('queues');
    assert.equal(h.fake.boardWatchers, 0, 'the list is not kept up to date');
    await h.say('queue support');
    await until(() => h.fake.boardWatchers === 1, 'the boards watched once a card is tracked');
    await h.say('queue sales');
    assert.equal(h.fake.boardWatchers, 1, 'one watch for every card');

    h.sb.close();
    const restarted = harness({ storage: h.storage });
    restarted.fake.boards.set('support', board());
    restarted.clock = h.clock + 60 * 60_000;
    await until(() => restarted.fake.boardWatchers === 1, 'a restart with live cards watches again');

    // Past its live time the card stops being followed; a change makes the bot notice.
    restarted.clock = h.clock + 13 * 3600_000;
    restarted.fake.pushBoard(board({ callers: [] }));
    await until(() => restarted.fake.boardWatchers === 0, 'no live card left: the watch ends');
    restarted.sb.close();
    const idle = harness({ storage: h.storage });
    idle.clock = restarted.clock;
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(idle.fake.boardWatchers, 0, 'a restart with no live card watches nothing');
    idle.sb.close();
  });

  it('the board card is edited in place when the queue changes', async () => {
    const h = withBoard();
    const [out] = await h.say('queue support');
    h.fake.pushBoard(board({ callers: [], longestWaitMs: undefined }));
    await until(() => h.adapter.updated.some((a) => a.id === out!.id), 'the board card edited');
    const edited = cardOf(h.adapter.updated.filter((a) => a.id === out!.id).at(-1));
    assertValidCard(edited);
    assert.match(cardText(edited), /Nobody is waiting/);
    h.fake.pushBoard(board({ queue: 'sales', callers: [] }));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(
      h.adapter.updated.filter((a) => a.id === out!.id).length,
      1,
      "another queue's change leaves this card alone",
    );
  });

  it('"queues" lists every queue with a button to open it; an unknown queue names the real ones', async () => {
    const h = withBoard();
    const [list] = await h.say('queues');
    const card = cardOf(list);
    assertValidCard(card);
    assert.match(cardText(card), /support · Technical support/);
    assert.match(cardText(card), /2 waiting · longest wait 2 min 05 s · 0 of 2 agents free/);
    assert.deepEqual((button(card, 'Open') as { data: { command: unknown } }).data.command, {
      kind: 'queue',
      queue: 'support',
    });
    const [err] = await h.say('queue nowhere');
    assert.match(cardText(cardOf(err)), /There is no call queue named "nowhere"/);
    assert.match(cardText(cardOf(err)), /The queues are: support, sales/);
  });

  it('"queue sign out support" signs the requester out and shows the board; the button signs in again in place', async () => {
    const h = withBoard();
    const [out] = await h.say('queue sign out support');
    const [queue, signedIn, by] = h.fake.ops('queueSignIn')[0]! as [string, boolean, { aadObjectId: string }];
    assert.deepEqual([queue, signedIn, by.aadObjectId], ['support', false, alex.id]);
    const card = cardOf(out);
    assert.match(cardText(card), /\*\*Alex Wilber\*\* · signed out/);
    const res = await h.execute(button(card, 'Sign me in') as Record<string, unknown>, out!.id!);
    assert.equal(h.fake.ops('queueSignIn')[1]?.[1], true);
    assert.match(cardText(res.body.value as never), /\*\*Alex Wilber\*\* · free/);
  });

  it('"queue sign" without a queue says how to write it', async () => {
    const h = withBoard();
    const [out] = await h.say('queue sign in');
    assert.match(cardText(cardOf(out)), /Name the queue: "queue sign in support"/);
  });

  it("a ring card reaches the agent's personal chat with the caller and their wait", async () => {
    const h = withBoard();
    await h.say('help');
    const posted = await h.sb.notifier.agentRung({
      queue: 'support',
      queueDescription: 'Technical support',
      agentId: alex.id.toUpperCase(),
      agentName: 'Alex Wilber',
      caller: 'Megan Bowen',
      waitedMs: 95_000,
      at: h.clock,
    });
    assert.equal(posted.conversationId, CONVERSATION.id);
    const card = cardOf(h.adapter.sent.at(-1));
    assertValidCard(card);
    assert.match(cardText(card), /Megan Bowen is calling/);
    assert.match(
      cardText(card),
      /Megan Bowen has waited 1 min 35 s in the support \(Technical support\) queue/,
    );
    await assert.rejects(
      h.sb.notifier.agentRung({
        queue: 'support',
        agentId: megan.id,
        agentName: 'Megan Bowen',
        caller: 'x',
        waitedMs: 0,
        at: 0,
      }),
      /Megan Bowen has never chatted with Switchboard/,
    );
  });
});
