import { instantShownInZone } from '../../time';
import type { FlowNotice } from '../notices';
import { card, cardTime, facts, heading, text } from './elements';
import type { AdaptiveCard } from './types';

// A flow states a time in the zone of the person it acts for (a reminder's "When"); whoever reads the
// card sees it in their own local time, in the one format every card uses.
function factValue(value: string): string {
  const at = instantShownInZone(value);
  return at === undefined ? value : cardTime(at);
}

/** A flow's notice: its title, its sentence and its facts. */
export function flowNoticeCard(n: FlowNotice): AdaptiveCard {
  const body = [heading(n.title), text(n.text)];
  if (n.facts.length > 0) body.push(facts(n.facts.map((f) => [f.title, factValue(f.value)] as const)));
  return card(body, [], { fallbackText: `${n.title}: ${n.text}` });
}
