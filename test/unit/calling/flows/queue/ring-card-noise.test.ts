import assert from 'node:assert/strict';
import { BotError } from '../../../../../bot/errors';
import { quietRingCards } from '../../../../../calling/flows/queue/ring-card-log';
import type { RingOffer } from '../../../../../calling/storage';

const offer = (agentId: string): RingOffer => ({
  attemptId: 'attempt-1',
  queue: 'support',
  callId: `call-${agentId}`,
  agentId,
  waitedMs: 5_000,
});

describe('ring cards for agents without a chat with the bot', () => {
  it('says once per agent, at info, that they must open a chat with the bot; real failures still reject', async () => {
    const infos: Array<{ obj: object; msg: string }> = [];
    let failure: Error = new BotError('no_personal_chat', 'Ann has never chatted with Switchboard');
    const post = quietRingCards(
      async () => {
        throw failure;
      },
      { info: (obj, msg) => void infos.push({ obj, msg: msg ?? '' }) },
    );
    await post(offer('u-ann'));
    await post(offer('u-ann'));
    await post(offer('u-bob'));
    assert.deepEqual(
      infos.map((i) => (i.obj as { agentId?: string }).agentId),
      ['u-ann', 'u-bob'],
      'once per agent',
    );
    assert.match(infos[0]?.msg ?? '', /open a chat with the bot/);
    failure = new Error('the Bot Connector answered 502');
    await assert.rejects(post(offer('u-ann')), /502/, 'a real failure is left to the caller to warn about');
  });
});
