import type { FrontDeskRule } from '../ports';
import { card, heading, row, runButton, text } from './elements';
import type { AdaptiveCard, CardElement } from './types';

/** The incoming-call rules with a switch each, and where alerts go. */
export function frontDeskCard(rules: readonly FrontDeskRule[], opts: { alertsHere: boolean }): AdaptiveCard {
  const body: CardElement[] = [heading('Front desk')];
  if (rules.length === 0) body.push(text('No incoming-call rules are configured.', { subtle: true }));
  for (const r of rules) {
    body.push(
      row(
        [
          text(`**${r.name}** · ${r.enabled ? 'on' : 'off'}`, { color: r.enabled ? 'good' : 'default' }),
          text(r.description, { subtle: true, spacing: 'None' }),
          ...(r.details ?? []).map((d) => text(d, { subtle: true, size: 'Small', spacing: 'None' })),
        ],
        [
          runButton(r.enabled ? 'Switch off' : 'Switch on', {
            kind: 'frontdeskSet',
            ruleId: r.id,
            enabled: !r.enabled,
          }),
        ],
      ),
    );
  }
  body.push(
    text(
      opts.alertsHere
        ? 'Escalations and IVR alerts are posted in this chat.'
        : 'Escalations and IVR alerts are not posted here.',
      { subtle: true },
    ),
  );
  return card(body, opts.alertsHere ? [] : [runButton('Post alerts in this chat', { kind: 'alertsHere' })], {
    fallbackText: rules.map((r) => `${r.name}: ${r.enabled ? 'on' : 'off'}`).join('\n'),
  });
}
