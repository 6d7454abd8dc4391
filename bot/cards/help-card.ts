import { CATALOG, usageMarkdown } from '../commands/catalog';
import {
  actionSet,
  card,
  container,
  formButton,
  heading,
  inputId,
  row,
  runButton,
  showCard,
  text,
  textInput,
  type FormName,
} from './elements';
import type { AdaptiveCard, CardAction, CardElement } from './types';

const WHO = 'Name, email, @mention or +14255550100';

/** Input ids are "<form>.<field>" so that the forms on one card never clash. */
function form(
  title: string,
  name: FormName,
  fields: ReadonlyArray<readonly [field: string, label: string, placeholder: string, required?: boolean]>,
  submit: string,
): CardAction {
  const inputs = fields.map(([field, label, placeholder, required]) =>
    textInput(inputId(name, field), label, placeholder, required ?? true),
  );
  return showCard(title, inputs, [formButton(submit, name, {}, 'positive')]);
}

/** The forms behind the help card's buttons: every command can be run without typing it. */
export function commandForms(): CardAction[] {
  return [
    form('Call…', 'call', [['who', 'Whom to call', WHO]], 'Call'),
    form(
      'Group call…',
      'groupcall',
      [['people', 'People', 'Adele, Megan, +14255550100']],
      'Start group call',
    ),
    form(
      'Connect…',
      'connect',
      [
        ['a', 'First', WHO],
        ['b', 'Then bring in', WHO],
      ],
      'Connect',
    ),
    form(
      'Meeting…',
      'meet',
      [
        ['subject', 'Subject', 'Budget review'],
        ['when', 'When', 'now, at 3pm, tomorrow 9:00', false],
        ['duration', 'How long', '30m', false],
        ['with', 'With', 'Adele, Megan', false],
      ],
      'Create meeting',
    ),
    form(
      'Move meeting…',
      'meetingMove',
      [
        ['subject', 'Subject', 'empty: the latest meeting in this chat', false],
        ['when', 'New time', 'at 4pm, tomorrow 10:00'],
        ['duration', 'How long', 'empty: as long as before', false],
      ],
      'Move meeting',
    ),
    form(
      'Cancel meeting…',
      'meetingCancel',
      [['subject', 'Subject', 'empty: the latest meeting in this chat', false]],
      'Cancel meeting',
    ),
    form(
      'Join…',
      'join',
      [['url', 'Meeting join link', 'https://teams.microsoft.com/l/meetup-join/...']],
      'Join',
    ),
    form('Presence…', 'presence', [['people', 'People', 'Adele, Megan', false]], 'Show presence'),
    form(
      'Remind…',
      'remind',
      [
        ['who', 'Whom to call', 'me, a name or +14255550100'],
        ['when', 'When', 'in 20 minutes, at 3pm, tomorrow 9:00'],
        ['message', 'What to say', 'Time for the budget review'],
      ],
      'Set reminder',
    ),
  ];
}

/** Every command, how to write it, and a button for each. */
export function helpCard(): AdaptiveCard {
  const list: CardElement[] = CATALOG.map((c) =>
    row(
      [
        text(usageMarkdown(c), { spacing: 'None' }),
        text(c.summary, { subtle: true, spacing: 'None', size: 'Small' }),
      ],
      [],
    ),
  );
  const body: CardElement[] = [
    heading('Switchboard commands'),
    text(
      'Type a command, or use the buttons. Name people by @mention, name or email; numbers in E.164 (+14255550100).',
      {
        subtle: true,
      },
    ),
    container(list, { separator: true }),
  ];
  const quick: CardAction[] = [
    runButton('Call me', { kind: 'call', target: { kind: 'me' } }, { style: 'positive' }),
    runButton('Live calls', { kind: 'calls' }),
    runButton('My reminders', { kind: 'reminders' }),
    runButton('Front desk', { kind: 'frontdesk' }),
    runButton('Queues', { kind: 'queues' }),
  ];
  // Teams shows about five buttons per row, so the forms go in rows of four.
  const forms = commandForms();
  const rows: CardElement[] = [actionSet(quick)];
  for (let i = 0; i < forms.length; i += 4) rows.push(actionSet(forms.slice(i, i + 4)));
  return card([...body, ...rows], [], { fallbackText: CATALOG.map((c) => c.usage).join('\n') });
}
