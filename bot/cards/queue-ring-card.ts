import type { AgentRungNotice } from '../notices';
import { card, cardClock, facts, formatDuration, heading, runButton, text } from './elements';
import type { AdaptiveCard } from './types';

/** What an agent sees while a queue rings them: who is calling and how long they have waited. */
export function agentRungCard(n: AgentRungNotice): AdaptiveCard {
  const queue = n.queueDescription ? `${n.queue} (${n.queueDescription})` : n.queue;
  const sentence = `${n.caller} has waited ${formatDuration(n.waitedMs)} in the ${queue} queue. Answer the ringing Teams call to take it.`;
  return card(
    [
      heading(`${n.caller} is calling`, 'accent'),
      text(sentence),
      facts([
        ['Caller', n.caller],
        ['Queue', queue],
        ['Waited', formatDuration(n.waitedMs)],
      ]),
      text(`Rung at ${cardClock(n.at)}`, { subtle: true, size: 'Small' }),
    ],
    [runButton('Show the queue', { kind: 'queue', queue: n.queue })],
    { fallbackText: sentence },
  );
}
