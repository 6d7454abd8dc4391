import type { FlowNotice } from '../notices';
import { card, facts, heading, text } from './elements';
import type { AdaptiveCard } from './types';

/** A flow's notice: its title, its sentence and its facts. */
export function flowNoticeCard(n: FlowNotice): AdaptiveCard {
  const body = [heading(n.title), text(n.text)];
  if (n.facts.length > 0) body.push(facts(n.facts.map((f) => [f.title, f.value] as const)));
  return card(body, [], { fallbackText: `${n.title}: ${n.text}` });
}
