// The keypad menu: every incoming call is answered; once connected (incoming or placed), the caller
// hears the menu; key 1 plays the message, key 2 hangs up.
const KEYS = {
  1: (calling, callId) => calling.playPrompt(callId, 'message'),
  2: (calling, callId) => calling.hangUp(callId),
};

/** Subscribes the menu to the calling service's events. */
export function attachKeypadMenu(calling, log) {
  // A failure ends this step of this call only: it is logged and written on the call's timeline.
  const step = (callId, what, run) =>
    run().catch(async (err) => {
      log.error({ err, callId }, `${what} failed`);
      await calling
        .note(callId, `echo menu: ${what} failed: ${err.message}`)
        .catch((noteErr) => log.warn({ err: noteErr, callId }, 'could not note the failure'));
    });

  calling.on('incoming', ({ call }) => step(call.id, 'answering', () => calling.answer(call.id)));
  calling.on('established', ({ call }) =>
    step(call.id, 'starting the menu', async () => {
      await calling.subscribeToTone(call.id);
      await calling.playPrompt(call.id, 'menu');
    }),
  );
  calling.on('tone', ({ call, digit }) => {
    const act = KEYS[digit];
    if (act) return step(call.id, `key ${digit}`, () => act(calling, call.id));
  });
}
