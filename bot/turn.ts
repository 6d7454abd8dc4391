import { decodeAction } from './actions';
import { errorCard } from './cards/error-card';
import type { AdaptiveCard } from './cards/types';
import type { ExecuteAction, ExecuteAnswer, Turn, TurnLogic } from './channel';
import { welcomeCard } from './cards/welcome-card';
import type { Command } from './commands/command';
import { runCommand } from './commands/router';
import type { Outcome, Scope } from './commands/scope';
import type { Core } from './core';
import { problemOf } from './errors';
import { parseCommand } from './parse/parse-command';
import { clockOf, scopeOf } from './turn-scope';

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
async function post(turn: Turn, outcome: Outcome, s: Scope, core: Core): Promise<void> {
  const shown = outcome.track && (await core.liveCards.placementIn(outcome.track.id, s.conversationId));
  if (outcome.track && shown) {
    await core.liveCards.track(outcome.track, shown, outcome.card);
    return;
  }
  const sent = await turn.send(outcome.card);
  if (outcome.meeting && sent) {
    await core.meetingCards.track(outcome.meeting.id, {
      conversationId: s.conversationId,
      activityId: sent,
    });
  }
  if (outcome.queue && sent) {
    await core.queueCards.track(outcome.queue, { conversationId: s.conversationId, activityId: sent });
  }
  if (outcome.track && sent) {
    await core.liveCards.track(outcome.track, {
      conversationId: s.conversationId,
      activityId: sent,
      refreshUserIds: [s.userId],
    });
  }
}

/**
 * Replaces the card a button was on; returns what the card shows now. An automatic refresh only answers
 * the viewer who asked: editing the message for everyone on every viewer's refresh would never settle.
 */
async function replace(
  turn: Turn,
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
  if (forEveryone) await turn.update(activityId, outcome.card);
  if (outcome.meeting) {
    await core.meetingCards.track(outcome.meeting.id, { conversationId: s.conversationId, activityId });
  }
  if (outcome.queue)
    await core.queueCards.track(outcome.queue, { conversationId: s.conversationId, activityId });
  return outcome.card;
}

/** A chat message: parse, run, answer with a card. */
async function onText(turn: Turn, core: Core, text: string = turn.text): Promise<void> {
  const s = scopeOf(turn, core, 'chat');
  const parsed = parseCommand({ text, mentions: turn.mentions, ...s.clock });
  const outcome: Outcome = parsed.ok
    ? await run(parsed.command, s, core)
    : {
        card: errorCard({
          title: 'I did not understand that',
          message: parsed.error.message,
          ...(parsed.error.command ? { command: parsed.error.command } : {}),
        }),
      };
  await post(turn, outcome, s, core);
}

/** A button's command run; `onCard` is the activity to replace when the answer belongs in place. */
async function fromButton(
  turn: Turn,
  core: Core,
  data: unknown,
): Promise<{ outcome: Outcome; onCard: string | undefined; s: Scope }> {
  const s = scopeOf(turn, core, 'card');
  const decoded = decodeAction(data, clockOf(turn, core.now()));
  if (!decoded.ok) {
    const card = errorCard({
      title: 'I cannot do that',
      message: decoded.message,
      ...(decoded.command ? { command: decoded.command } : {}),
    });
    return { outcome: { card }, onCard: undefined, s };
  }
  const outcome = await run(decoded.command, s, core);
  const inPlace = decoded.replace || outcome.inPlace === true;
  return { outcome, onCard: inPlace && turn.replyToId ? turn.replyToId : undefined, s };
}

/** Action.Execute (Universal Actions): answer with the card to show, or post a new one below. */
async function onExecute(turn: Turn, core: Core, action: ExecuteAction): Promise<ExecuteAnswer> {
  const { outcome, onCard, s } = await fromButton(turn, core, action.data);
  if (onCard) return { card: await replace(turn, onCard, outcome, s, core, !action.automatic) };
  await post(turn, outcome, s, core);
  return { message: 'Done: my answer is in the chat.' };
}

/** Action.Submit: a message whose value is the button's data (or imBack text). */
async function onSubmit(turn: Turn, core: Core): Promise<void> {
  const value = turn.value as { msteams?: { type?: string; value?: unknown } } | undefined;
  if (value?.msteams?.type === 'imBack' && typeof value.msteams.value === 'string') {
    return onText(turn, core, value.msteams.value);
  }
  const { outcome, onCard, s } = await fromButton(turn, core, value);
  if (onCard) await replace(turn, onCard, outcome, s, core, true);
  else await post(turn, outcome, s, core);
}

/** A personal chat is where the bot reaches its user alone (a queue's ring card goes there). */
async function rememberPersonal(turn: Turn, core: Core): Promise<void> {
  if (turn.conversation.type !== 'personal' || !turn.sender.aadObjectId) return;
  await core.conversations
    .rememberPersonal(turn.sender.aadObjectId, turn.conversation.id)
    .catch((err: unknown) => core.logger.warn({ err }, 'could not remember a personal chat'));
}

/** The bot's answer to each activity the channel adapter hands over. */
export function turnLogic(core: Core): TurnLogic {
  return {
    heard: (ref) => core.conversations.remember(ref),
    // Added to a chat or team: say hello once.
    installed: async (turn) => {
      await turn.send(welcomeCard(turn.conversation.type));
    },
    message: async (turn) => {
      await rememberPersonal(turn, core);
      return turn.value !== undefined && turn.value !== null ? onSubmit(turn, core) : onText(turn, core);
    },
    execute: async (turn, action) => {
      await rememberPersonal(turn, core);
      return onExecute(turn, core, action);
    },
  };
}
