import type { Availability, Person, PresenceInfo } from '../ports';
import { card, heading, row, runButton, text } from './elements';
import type { AdaptiveCard, CardElement } from './types';

const LOOK: Record<Availability, { label: string; color: string; reachable: boolean }> = {
  Available: { label: 'Available', color: 'good', reachable: true },
  AvailableIdle: { label: 'Available (idle)', color: 'good', reachable: true },
  Away: { label: 'Away', color: 'warning', reachable: true },
  BeRightBack: { label: 'Be right back', color: 'warning', reachable: true },
  Busy: { label: 'Busy', color: 'attention', reachable: true },
  BusyIdle: { label: 'Busy (idle)', color: 'attention', reachable: true },
  DoNotDisturb: { label: 'Do not disturb', color: 'attention', reachable: false },
  Offline: { label: 'Offline', color: 'default', reachable: false },
  PresenceUnknown: { label: 'Unknown', color: 'default', reachable: false },
};

/** True when a call is worth trying: they are signed in and have not asked not to be disturbed. */
export function isReachable(availability: Availability): boolean {
  return LOOK[availability].reachable;
}

/** A person's presence in words ("Busy · in a call") and the color it is shown in. */
export function presenceLook(p: PresenceInfo | undefined): { words: string; color: string } {
  const look = LOOK[p?.availability ?? 'PresenceUnknown'];
  const activity = p && p.activity && p.activity !== p.availability ? ` · ${activityWords(p.activity)}` : '';
  return { words: `${look.label}${activity}`, color: look.color };
}

/** "InACall" → "in a call". */
function activityWords(activity: string): string {
  return activity
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
}

/** Availability and activity per person, with a call button beside those who can be reached. */
export function presenceCard(rows: ReadonlyArray<{ person: Person; presence?: PresenceInfo }>): AdaptiveCard {
  const body: CardElement[] = [heading('Presence')];
  if (rows.length === 0) body.push(text('Nobody to show.', { subtle: true }));
  for (const { person, presence } of rows) {
    const look = LOOK[presence?.availability ?? 'PresenceUnknown'];
    const activity =
      presence && presence.activity && presence.activity !== presence.availability
        ? ` · ${activityWords(presence.activity)}`
        : '';
    body.push(
      row(
        [
          text(person.displayName, { bold: true }),
          text(`${look.label}${activity}`, { color: look.color, spacing: 'None' }),
        ],
        look.reachable
          ? [
              runButton('Call', {
                kind: 'call',
                target: { kind: 'id', id: person.id, label: person.displayName },
              }),
            ]
          : [],
      ),
    );
  }
  const ids = rows.map((r) => r.person.id);
  return card(
    body,
    ids.length > 0
      ? [
          runButton(
            'Refresh',
            { kind: 'presence', people: ids.map((id) => ({ kind: 'id' as const, id })) },
            { replace: true },
          ),
        ]
      : [],
    {
      fallbackText: rows
        .map((r) => `${r.person.displayName}: ${r.presence?.availability ?? 'Unknown'}`)
        .join('\n'),
    },
  );
}
