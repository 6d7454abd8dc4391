// The echo bot: it says back whatever it is told, and `call <user id>` rings that person through
// @switchboard/calling (who then hears the keypad menu of menu.mjs once they pick up).
import { ActivityHandler, TurnContext } from 'botbuilder';
import { isCallingError } from '@switchboard/calling';

const CALL_COMMAND = /^call\b\s*(.*)$/is;
const HOW_TO_CALL =
  "Say whom to call: call <user id>, with the person's Microsoft Entra object id " +
  '(for example call 86528ee4-da06-4aa2-9aed-32e626300172).';

/** Places the call and answers with what to tell the person who asked for it. */
async function callPerson(calling, user, log) {
  if (!user || /\s/.test(user)) return HOW_TO_CALL;
  try {
    const call = await calling.placeCall({ to: { user } });
    log.info({ callId: call.id }, 'placed a call from the chat');
    return `Calling ${user}. They will hear the menu when they pick up.`;
  } catch (err) {
    log.warn({ err, user }, 'could not place a call from the chat');
    // The package's errors say what went wrong and what to do; anything else is ours to look into.
    const why = isCallingError(err)
      ? err.message
      : 'something went wrong on our side (the bot log says what). Try again in a moment.';
    return `I could not call ${user}: ${why}`;
  }
}

export class EchoBot extends ActivityHandler {
  constructor(calling, log) {
    super();
    this.onMessage(async (context, next) => {
      // In a channel, Teams puts the bot's @mention in the text; the command is what follows it.
      const text = (TurnContext.removeRecipientMention(context.activity) ?? '').trim();
      const command = CALL_COMMAND.exec(text);
      if (command) await context.sendActivity(await callPerson(calling, command[1]?.trim(), log));
      else
        await context.sendActivity(text ? `You said: ${text}` : 'Send me some text and I will say it back.');
      await next();
    });
  }
}
