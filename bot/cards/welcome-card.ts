import { card, heading, runButton, sayButton, text } from './elements';
import type { AdaptiveCard } from './types';

/** Posted when the app is installed in a chat, a group chat or a team. */
export function welcomeCard(scope: 'personal' | 'groupChat' | 'channel'): AdaptiveCard {
  const where =
    scope === 'personal'
      ? 'Chat with me here.'
      : 'Mention me (@Switchboard) with a command, in this chat or in a reply.';
  return card(
    [
      heading('Welcome to Switchboard'),
      text(
        'I place and control Teams calls and meetings: I can call you or anyone by name or number, connect two people, create meetings and call everyone in, show who is available, and call with reminders.',
      ),
      text(`${where} Try **call me** or **help**.`),
    ],
    [
      runButton('Call me', { kind: 'call', target: { kind: 'me' } }, { style: 'positive' }),
      sayButton('Help', 'help'),
    ],
    { fallbackText: 'Welcome to Switchboard. Type help to see what I can do.' },
  );
}
