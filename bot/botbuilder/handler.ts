import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { ExecuteAnswer, TurnLogic } from '../channel';
import type { RosterFactory } from './teams-roster';
import { turnOf } from './turn-of';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

function invokeResponse(answer: ExecuteAnswer): AdaptiveCardInvokeResponse {
  // botbuilder types the value as a record; Universal Actions also take a message's text there.
  return 'card' in answer
    ? { statusCode: 200, type: CARD_RESPONSE, value: answer.card as unknown as Record<string, unknown> }
    : {
        statusCode: 200,
        type: MESSAGE_RESPONSE,
        value: answer.message as unknown as Record<string, unknown>,
      };
}

/** Teams activity handling, kept thin: each activity becomes a Turn for the bot's logic. */
export class SwitchboardBot extends TeamsActivityHandler {
  constructor(
    private readonly turns: TurnLogic,
    private readonly roster: RosterFactory,
  ) {
    super();
    this.onTurn(async (ctx, next) => {
      await turns.heard(TurnContext.getConversationReference(ctx.activity));
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient.id;
      if ((ctx.activity.membersAdded ?? []).some((m) => m.id === botId)) {
        await turns.installed(turnOf(ctx, roster));
      }
      await next();
    });
    this.onMessage(async (ctx, next) => {
      await turns.message(turnOf(ctx, roster));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const automatic = (ctx.activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic';
    const answer = await this.turns.execute(turnOf(ctx, this.roster), {
      data: invokeValue.action.data,
      automatic,
    });
    return invokeResponse(answer);
  }
}
