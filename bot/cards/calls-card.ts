import type { LiveCall } from '../ports';
import { callControls, callSection } from './call-card';
import { actionSet, card, container, heading, runButton, sayButton, text } from './elements';
import type { AdaptiveCard, CardElement } from './types';

/** The live calls, each with its controls. */
export function callsCard(calls: readonly LiveCall[], now: number): AdaptiveCard {
  const live = calls.filter((c) => c.phase !== 'ended');
  if (live.length === 0) {
    return card(
      [heading('Live calls'), text('There are no live calls right now.', { subtle: true })],
      [
        runButton('Call me', { kind: 'call', target: { kind: 'me' } }, { style: 'positive' }),
        sayButton('Help', 'help'),
      ],
      { fallbackText: 'There are no live calls right now.' },
    );
  }
  const body: CardElement[] = [heading(`Live calls (${live.length})`)];
  for (const call of live) {
    const items = [...callSection(call, now)];
    const controls = callControls(call);
    if (controls.length > 0) items.push(actionSet(controls));
    body.push(container(items, { separator: true }));
  }
  return card(body, [runButton('Refresh', { kind: 'calls' }, { replace: true })], {
    fallbackText: `${live.length} live call(s)`,
  });
}
