import { infoOf, usageMarkdown } from '../commands/catalog';
import { card, container, heading, sayButton, text } from './elements';
import type { AdaptiveCard, CardAction, CardElement } from './types';

/** What went wrong and what to do about it. */
export interface Problem {
  readonly title: string;
  readonly message: string;
  readonly hint?: string;
  /** A command name whose usage and example to show. */
  readonly command?: string;
  /** Quoted in small print so support can find it in the logs. */
  readonly code?: string;
}

/** An error as a card: the problem, what to do, how the command is written. */
export function errorCard(problem: Problem, actions: readonly CardAction[] = []): AdaptiveCard {
  const body: CardElement[] = [heading(problem.title, 'attention'), text(problem.message)];
  if (problem.hint) body.push(text(problem.hint, { subtle: false, color: 'accent' }));
  const info = problem.command ? infoOf(problem.command) : undefined;
  if (info) {
    body.push(
      container(
        [
          text(`Usage: ${usageMarkdown(info)}`, { size: 'Small' }),
          text(`Example: ${info.example}`, { size: 'Small', subtle: true }),
        ],
        {
          style: 'emphasis',
        },
      ),
    );
  }
  if (problem.code) body.push(text(`Error code: ${problem.code}`, { subtle: true, size: 'Small' }));
  const buttons = [...actions];
  if (info && info.example !== info.name) buttons.push(sayButton(`Try "${info.example}"`, info.example));
  if (!buttons.some((b) => b.title === 'Help')) buttons.push(sayButton('Help', 'help'));
  return card(body, buttons, { fallbackText: `${problem.title}: ${problem.message}` });
}
