import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { commandSchema } from '../../../bot/commands/command';
import type { AdaptiveCard } from '../../../bot/cards/types';

// The package's "main" needs a DOM at load time on Node 20; its UMD bundle does not.
const AC = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => {
    parse(json: unknown, ctx: unknown): void;
    validateProperties(): { validationEvents: Array<{ message: string }> };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Problems the adaptivecards parser reports while parsing and validating the card. */
export function cardProblems(json: unknown): string[] {
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  parsed.parse(json, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  return problems;
}

type Json = unknown;

/** Every object in the card (elements, actions, inner cards), depth first. */
export function walk(json: Json, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(json)) for (const v of json) walk(v, visit);
  else if (json && typeof json === 'object') {
    visit(json as Record<string, unknown>);
    for (const v of Object.values(json)) walk(v, visit);
  }
}

/** Asserts the card passes validateProperties() and that every Switchboard button carries a valid command. */
export function assertValidCard(card: AdaptiveCard): void {
  assert.equal(card.type, 'AdaptiveCard');
  assert.equal(card.version, '1.5');
  assert.deepEqual(cardProblems(card), [], JSON.stringify(card, null, 1).slice(0, 3000));
  walk(card, (o) => {
    if (o.type === 'TextBlock') assert.ok(typeof o.text === 'string' && o.text.length > 0, 'empty TextBlock');
    if (o.type === 'Action.Execute' || o.type === 'Action.Submit') {
      assert.ok(typeof o.title === 'string' && o.title.length > 0, 'button without a title');
      const data = o.data as Record<string, unknown> | undefined;
      assert.ok(data && typeof data === 'object', `${String(o.title)}: no data`);
      if (o.type === 'Action.Execute')
        assert.ok(typeof o.verb === 'string' && o.verb.length > 0, 'Execute without verb');
      if (data.sb === 'run') {
        const r = commandSchema.safeParse(data.command);
        assert.ok(r.success, `${String(o.title)}: invalid command ${JSON.stringify(data.command)}`);
      } else if (data.sb !== 'form') {
        assert.ok(
          (data.msteams as { type?: string } | undefined)?.type === 'imBack',
          `${String(o.title)}: unknown data`,
        );
      }
    }
  });
}

/** All buttons of a card with their titles, in order. */
export function buttons(card: AdaptiveCard): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  walk(card, (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
  });
  return out;
}

/** The button with this title; fails when there is none. */
export function button(card: AdaptiveCard, title: string): Record<string, unknown> {
  const b = buttons(card).find((x) => x.title === title);
  assert.ok(
    b,
    `no "${title}" button; have ${buttons(card)
      .map((x) => String(x.title))
      .join(', ')}`,
  );
  return b;
}

/** All TextBlock texts joined, to search for words. */
export function cardText(card: AdaptiveCard): string {
  const out: string[] = [];
  walk(card, (o) => {
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts))
      for (const f of o.facts as Array<{ title: string; value: string }>) out.push(`${f.title}: ${f.value}`);
  });
  return out.join('\n');
}
