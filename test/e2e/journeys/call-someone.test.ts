// Adele asks the bot in chat to call a colleague: she is rung first, then the colleague is brought in.
// Megan answers; Isaiah declines; Joni is busy. The chat card, the tab and the emulator must agree.
import { everywhere } from './everywhere';
import type { Status } from './truth';
import { useWorld, type Someone, type World } from './world';

/**
 * Adele says "call <first name>", answers her own phone, and the bot rings the colleague (a busy line
 * does not ring at all).
 */
async function callAndBringIn(w: World, them: Someone, rings = true) {
  const me = w.me.name;
  const card = await w.say(`call ${them.name.split(' ')[0]}`);
  await card.until(new RegExp(`Connecting ${me}[\\s\\S]*bring ${them.name} in`), 'the connect card');
  const callId = card.callId();
  // Adele's phone rings first (her script answers after 1.5 s) ...
  await everywhere(w, card, callId, { phase: 'ringing', people: { [me]: 'ringing' } });
  await everywhere(w, card, callId, { phase: 'connected', people: { [me]: 'joined' } });
  // ... and once she is on the line, the colleague's phone rings while she waits.
  if (rings)
    await everywhere(w, card, callId, {
      phase: 'transferring',
      people: { [me]: 'joined', [them.name]: 'ringing' },
    });
  return { card, callId };
}

/** The colleague did not take the call: it ends, and everywhere says how they answered. */
async function notTaken(w: World, them: Someone, status: Status) {
  const { card, callId } = await callAndBringIn(w, them, status !== 'busy');
  await everywhere(
    w,
    card,
    callId,
    { phase: 'ended', people: { [w.me.name]: 'left', [them.name]: status } },
    30_000,
  );
}

describe('journey: "call <someone>" from the chat, seen in the chat, the tab and the emulator', function () {
  this.timeout(120_000);
  const w = useWorld();

  it('call Megan: Adele is rung first, then Megan, who answers; the call is put through to her', async () => {
    const megan = w.person('Megan');
    const { card, callId } = await callAndBringIn(w, megan);
    await everywhere(w, card, callId, {
      phase: 'ended',
      people: { [megan.name]: 'joined' },
      only: [megan.name],
      end: { words: /^put through to Megan Bowen$/, graph: /^0\/7015$/ },
    });
  });

  it('call Megan: Adele and Megan both end up in the call', async () => {
    const megan = w.person('Megan');
    const { card, callId } = await callAndBringIn(w, megan);
    await everywhere(w, card, callId, {
      phase: 'ended',
      people: { [w.me.name]: 'joined', [megan.name]: 'joined' },
      end: { words: /^put through to Megan Bowen$/, graph: /^0\/7015$/ },
    });
  });

  it('call Isaiah and call Joni: Adele is rung first, then the colleague; the call ends everywhere', async () => {
    for (const [them, rings] of [
      [w.person('Isaiah'), true],
      [w.person('Joni'), false],
    ] as const) {
      const { card, callId } = await callAndBringIn(w, them, rings);
      await everywhere(
        w,
        card,
        callId,
        { phase: 'ended', people: { [w.me.name]: 'left' }, only: [w.me.name] },
        30_000,
      );
    }
  });

  it('call Isaiah: he declines, and every place says "declined"', async () => {
    await notTaken(w, w.person('Isaiah'), 'declined');
  });

  it('call Joni: she is busy, and every place says "busy"', async () => {
    await notTaken(w, w.person('Joni'), 'busy');
  });
});
