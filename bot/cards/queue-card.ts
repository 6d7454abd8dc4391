import type { Command } from '../commands/command';
import type { QueueAgentState, QueueBoardView } from '../ports';
import { card, cardClock, formatDuration, heading, row, runButton, text } from './elements';
import { presenceLook } from './presence-card';
import type { AdaptiveCard, CardElement } from './types';

const STATE: Record<QueueAgentState, { words: string; color: string }> = {
  idle: { words: 'free', color: 'good' },
  ringing: { words: 'ringing', color: 'accent' },
  onCall: { words: 'on a call', color: 'attention' },
  signedOut: { words: 'signed out', color: 'default' },
};

/** "3 waiting · longest wait 2 min 05 s", or that nobody waits. */
export function waitingLine(b: QueueBoardView): string {
  if (b.callers.length === 0) return 'Nobody is waiting';
  const longest = b.longestWaitMs === undefined ? '' : ` · longest wait ${formatDuration(b.longestWaitMs)}`;
  return `${b.callers.length} waiting${longest}`;
}

/** Agents free to take a call now: signed in, not rung nor on a call, and Available in Teams. */
export function freeAgents(b: QueueBoardView): number {
  return b.agents.filter((a) => a.state === 'idle' && a.presence.availability === 'Available').length;
}

const title = (b: QueueBoardView) => (b.description ? `${b.queue} · ${b.description}` : b.queue);

/** A queue's board: callers in order with their waits, agents with queue state and Teams presence. */
export function queueBoardCard(b: QueueBoardView): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Queue: ${title(b)}`),
    text(waitingLine(b), { bold: true, color: b.callers.length > 0 ? 'warning' : 'good' }),
  ];
  for (const c of b.callers) {
    const ringing = c.ringing ? ` · ringing ${c.ringing}` : '';
    body.push(
      text(`${c.position}. **${c.caller}** · waited ${formatDuration(c.waitedMs)}${ringing}`, {
        spacing: 'None',
      }),
    );
  }
  body.push(text('Agents', { bold: true }));
  if (b.agents.length === 0) body.push(text('This queue has no agents.', { subtle: true }));
  for (const a of b.agents) {
    const state = STATE[a.state];
    const presence = presenceLook(a.presence);
    body.push(
      row(
        [
          text(`**${a.name}** · ${state.words}`, { color: state.color }),
          text(presence.words, { color: presence.color, spacing: 'None', size: 'Small' }),
        ],
        [],
      ),
    );
  }
  if (b.presenceProblem) body.push(text(b.presenceProblem, { color: 'warning', size: 'Small' }));
  body.push(
    text(`As of ${cardClock(b.at)}; this card keeps itself up to date.`, { subtle: true, size: 'Small' }),
  );
  const signIn = (signedIn: boolean): Command => ({ kind: 'queueSignIn', queue: b.queue, signedIn });
  return card(
    body,
    [
      runButton('Refresh', { kind: 'queue', queue: b.queue }, { replace: true }),
      runButton('Sign me in', signIn(true), { replace: true }),
      runButton('Sign me out', signIn(false), { replace: true }),
    ],
    {
      fallbackText: `Queue ${b.queue}: ${waitingLine(b)}; ${b.agents
        .map((a) => `${a.name} ${STATE[a.state].words}`)
        .join(', ')}`,
    },
  );
}

/** Every queue in one line each, with a button to open its board. */
export function queuesCard(boards: readonly QueueBoardView[]): AdaptiveCard {
  const body: CardElement[] = [heading('Call queues')];
  if (boards.length === 0)
    body.push(
      text('No call queues are configured. An administrator adds them in the queues file (QUEUES_CONFIG).', {
        subtle: true,
      }),
    );
  for (const b of boards) {
    body.push(
      row(
        [
          text(`**${title(b)}**`),
          text(`${waitingLine(b)} · ${freeAgents(b)} of ${b.agents.length} agents free`, {
            subtle: true,
            spacing: 'None',
          }),
        ],
        [runButton('Open', { kind: 'queue', queue: b.queue })],
      ),
    );
  }
  return card(body, boards.length > 0 ? [runButton('Refresh', { kind: 'queues' }, { replace: true })] : [], {
    fallbackText: boards.map((b) => `${b.queue}: ${waitingLine(b)}`).join('\n'),
  });
}
