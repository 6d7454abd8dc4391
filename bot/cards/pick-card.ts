import type { Command } from '../commands/command';
import type { Person } from '../ports';
import { card, heading, row, sayButton, runButton, text } from './elements';
import type { AdaptiveCard, CardElement } from './types';

/** "Which Adele?": one button per candidate, each re-running the command with that person. */
export function pickPersonCard(
  query: string,
  candidates: readonly Person[],
  commandFor: (person: Person) => Command,
): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Which "${query}" did you mean?`),
    text('Several people match; pick one.', { subtle: true }),
  ];
  for (const p of candidates) {
    const detail = p.mail ?? p.userPrincipalName ?? '';
    body.push(
      row(
        [text(p.displayName, { bold: true }), text(detail, { subtle: true, spacing: 'None' })],
        [runButton('Pick', commandFor(p), { replace: true })],
      ),
    );
  }
  return card(body, [sayButton('Never mind', 'help')], {
    fallbackText: `Which "${query}"? ${candidates.map((c) => c.displayName).join(', ')}`,
  });
}
