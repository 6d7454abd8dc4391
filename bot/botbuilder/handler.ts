import {
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import type { Core } from '../core';
import { onExecute, onInstalled, onSubmit, onText } from '../turn';

/** Teams activity handling, kept thin: every decision lives in turn.ts and the command router. */
export class SwitchboardBot extends TeamsActivityHandler {
  constructor(private readonly core: Core) {
    super();
    this.onTurn(async (ctx, next) => {
      // Every conversation the bot hears from can later get card updates and notifications.
      await core.conversations.remember(TurnContext.getConversationReference(ctx.activity));
      await next();
    });
    this.onMembersAdded(async (ctx, next) => {
      const botId = ctx.activity.recipient.id;
      if ((ctx.activity.membersAdded ?? []).some((m) => m.id === botId)) await onInstalled(ctx);
      await next();
    });
    this.onMessage(async (ctx, next) => {
      if (ctx.activity.value !== undefined && ctx.activity.value !== null) await onSubmit(ctx, core);
      else await onText(ctx, core);
      await next();
    });
  }

  protected override onAdaptiveCardInvoke(
    ctx: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    return onExecute(ctx, this.core, invokeValue.action.data);
  }
}
