import type { Command } from '../commands/command';
import type { Caller, EscalationNotice, IvrNotice, ReminderNotice } from '../notices';
import { card, cardTime, facts, heading, runButton, text } from './elements';
import { targetName } from './reminder-cards';
import type { AdaptiveCard, CardAction } from './types';

const OUTCOME: Record<ReminderNotice['outcome'], { title: string; color: 'good' | 'warning' | 'attention' }> =
  {
    answered: { title: 'Reminder delivered', color: 'good' },
    declined: { title: 'Reminder declined', color: 'warning' },
    noAnswer: { title: 'Reminder not answered', color: 'warning' },
    busy: { title: 'Reminder: line busy', color: 'warning' },
    failed: { title: 'Reminder failed', color: 'attention' },
  };

function callBack(caller: Caller, title = 'Call back'): CardAction[] {
  const target: Command | undefined = caller.personId
    ? { kind: 'call', target: { kind: 'id', id: caller.personId, label: caller.name } }
    : caller.phone
      ? { kind: 'call', target: { kind: 'phone', number: caller.phone } }
      : undefined;
  return target ? [runButton(title, target, { style: 'positive' })] : [];
}

function who(caller: Caller): string {
  return caller.phone && caller.phone !== caller.name ? `${caller.name} (${caller.phone})` : caller.name;
}

/** How a reminder call went, with a way to try again. */
export function reminderOutcomeCard(n: ReminderNotice): AdaptiveCard {
  const look = OUTCOME[n.outcome];
  const target = targetName(n.reminder.target);
  const sentence =
    n.outcome === 'answered'
      ? `${target} answered and heard: "${n.reminder.message}"`
      : n.outcome === 'failed'
        ? `I could not call ${target}${n.detail ? `: ${n.detail}` : '.'}`
        : `${target} did not take the reminder call (${n.outcome === 'busy' ? 'busy' : n.outcome === 'declined' ? 'declined' : 'no answer'}).`;
  const retry: CardAction[] =
    n.outcome === 'answered'
      ? []
      : [
          runButton('Call now', {
            kind: 'call',
            target:
              n.reminder.target.kind === 'person'
                ? { kind: 'id', id: n.reminder.target.person.id, label: target }
                : { kind: 'phone', number: n.reminder.target.number },
          }),
        ];
  return card(
    [
      heading(look.title, look.color),
      text(sentence),
      text(`Due ${cardTime(n.reminder.dueAt)}`, { subtle: true, size: 'Small' }),
    ],
    retry,
    {
      fallbackText: `${look.title}: ${sentence}`,
    },
  );
}

/** A caller waiting for a person. */
export function escalationCard(n: EscalationNotice): AdaptiveCard {
  return card(
    [
      heading('A caller needs someone', 'attention'),
      facts([
        ['Caller', who(n.caller)],
        ['Why', n.reason],
      ]),
      text(cardTime(n.at), { subtle: true, size: 'Small' }),
    ],
    [
      ...callBack(n.caller),
      ...(n.callId ? [runButton('Show the call', { kind: 'showCall', callId: n.callId })] : []),
    ],
    { fallbackText: `A caller needs someone: ${who(n.caller)} (${n.reason})` },
  );
}

/** What happened in an IVR menu. */
export function ivrCard(n: IvrNotice): AdaptiveCard {
  return card(
    [
      heading(n.menu, 'accent'),
      facts([['Caller', who(n.caller)]]),
      text(n.summary),
      text(cardTime(n.at), { subtle: true, size: 'Small' }),
    ],
    callBack(n.caller),
    { fallbackText: `${n.menu}: ${who(n.caller)}: ${n.summary}` },
  );
}
