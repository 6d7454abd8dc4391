import { CardFactory, TurnContext, type AdaptiveCardInvokeResponse } from 'botbuilder';
import { decodeAction } from './actions';
import { errorCard } from './cards/error-card';
import type { AdaptiveCard } from './cards/types';
import { welcomeCard } from './cards/welcome-card';
import type { Command } from './commands/command';
import { runCommand } from './commands/router';
import type { Outcome, Scope } from './commands/scope';
import type { Core } from './core';
import { problemOf } from './errors';
import { parseCommand } from './parse/parse-command';
import { clockOf, mentionsOf, scopeOf } from './turn-scope';

const CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';

/** Runs a command; a failure becomes an error card (and is logged when it was not expected). */
async function run(cmd: Command, s: Scope, core: Core): Promise<Outcome> {
  try {
    return await runCommand(cmd, s, core.routes);
  } catch (err) {
    const { problem, expected } = problemOf(err);
    if (expected) core.logger.warn({ err, command: cmd.kind }, 'command failed');
    else core.logger.error({ err, command: cmd.kind }, 'command failed unexpectedly');
    return { card: errorCard(problem) };
  }
}

/**
 * Posts the outcome as a new message; a call card is then kept up to date. A call that already has a
 * card in this chat gets that card updated instead (one meeting, one card).
 */
async function post(ctx: TurnContext, outcome: Outcome, s: Scope, core: Core): Promise<void> {
  const shown = outcome.track && (await core.liveCards.placementIn(outcome.track.id, s.conversationId));
  if (outcome.track && shown) {
    await core.liveCards.track(outcome.track, shown, outcome.card);
    return;
  }
  const sent = await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(outcome.card)] });
  if (outcome.meeting && sent?.id) {
    await core.meetingCards.track(outcome.meeting.id, {
      conversationId: s.conversationId,
      activityId: sent.id,
    });
  }
  if (outcome.track && sent?.id) {
    await core.liveCards.track(outcome.track, {
      conversationId: s.conversationId,
      activityId: sent.id,
      refreshUserIds: [s.userId],
    });
  }
}

/**
 * Replaces the card a button was on; returns what the card shows now. An automatic refresh only answers
 * the viewer who asked: editing the message for everyone on every viewer's refresh would never settle.
 */
async function replace(
  ctx: TurnContext,
  activityId: string,
  outcome: Outcome,
  s: Scope,
  core: Core,
  forEveryone: boolean,
): Promise<AdaptiveCard> {
  if (outcome.track) {
    const placement = { conversationId: s.conversationId, activityId, refreshUserIds: [s.userId] };
    const edit = forEveryone ? outcome.card : undefined;
    return (await core.liveCards.track(outcome.track, placement, edit)) ?? outcome.card;
  }
  if (forEveryone) {
    const attachments = [CardFactory.adaptiveCard(outcome.card)];
    await ctx.updateActivity({ type: 'message', id: activityId, attachments });
  }
  if (outcome.meeting) {
    await core.meetingCards.track(outcome.meeting.id, { conversationId: s.conversationId, activityId });
  }
  return outcome.card;
}

/** A chat message: parse, run, answer with a card. */
export async function onText(ctx: TurnContext, core: Core, text?: string): Promise<void> {
  const s = scopeOf(ctx, core, 'chat');
  const line = text ?? TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '';
  const parsed = parseCommand({ text: line, mentions: mentionsOf(ctx), ...s.clock });
  const outcome: Outcome = parsed.ok
    ? await run(parsed.command, s, core)
    : {
        card: errorCard({
          title: 'I did not understand that',
          message: parsed.error.message,
          ...(parsed.error.command ? { command: parsed.error.command } : {}),
        }),
      };
  await post(ctx, outcome, s, core);
}

async function fromButton(
  ctx: TurnContext,
  core: Core,
  data: unknown,
): Promise<{ outcome: Outcome; inPlace: boolean; s: Scope }> {
  const s = scopeOf(ctx, core, 'card');
  const decoded = decodeAction(data, clockOf(ctx, core.now()));
  if (!decoded.ok) {
    const card = errorCard({
      title: 'I cannot do that',
      message: decoded.message,
      ...(decoded.command ? { command: decoded.command } : {}),
    });
    return { outcome: { card }, inPlace: false, s };
  }
  const outcome = await run(decoded.command, s, core);
  return {
    outcome,
    inPlace: (decoded.replace || outcome.inPlace === true) && Boolean(ctx.activity.replyToId),
    s,
  };
}

/** Action.Execute (Universal Actions): answer with the card to show, or post a new one below. */
export async function onExecute(
  ctx: TurnContext,
  core: Core,
  data: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  const { outcome, inPlace, s } = await fromButton(ctx, core, data);
  if (inPlace) {
    const automatic = (ctx.activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic';
    const shown = await replace(ctx, ctx.activity.replyToId!, outcome, s, core, !automatic);
    return { statusCode: 200, type: CARD_RESPONSE, value: shown as unknown as Record<string, unknown> };
  }
  await post(ctx, outcome, s, core);
  return {
    statusCode: 200,
    type: MESSAGE_RESPONSE,
    value: 'Done: my answer is in the chat.' as unknown as Record<string, unknown>,
  };
}

/** Action.Submit: a message whose value is the button's data (or imBack text). */
export async function onSubmit(ctx: TurnContext, core: Core): Promise<void> {
  const value = ctx.activity.value as { msteams?: { type?: string; value?: unknown } } | undefined;
  if (value?.msteams?.type === 'imBack' && typeof value.msteams.value === 'string') {
    return onText(ctx, core, value.msteams.value);
  }
  const { outcome, inPlace, s } = await fromButton(ctx, core, value);
  if (inPlace) await replace(ctx, ctx.activity.replyToId!, outcome, s, core, true);
  else await post(ctx, outcome, s, core);
}

/** The app was added to a chat or team: say hello once, as the bot itself is among the new members. */
export async function onInstalled(ctx: TurnContext): Promise<void> {
  const t = ctx.activity.conversation.conversationType;
  const scope = t === 'channel' || t === 'groupChat' ? t : 'personal';
  await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(welcomeCard(scope))] });
}
