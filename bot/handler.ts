import { TeamsActivityHandler } from 'botbuilder';

/** Teams activity handling: greet new members and answer messages. */
export class SwitchboardBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== botId) {
          await context.sendActivity('Hello from Switchboard. I place and control Teams calls and meetings.');
        }
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Switchboard received: ${context.activity.text ?? ''}`.trim());
      await next();
    });
  }
}
