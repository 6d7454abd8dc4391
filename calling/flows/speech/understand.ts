// From recognised words to a branch, in memory: which choice the caller named (by its phrases) and
// whether they sound clearly negative (the `sentiment` library's AFINN word scores). Only the branch
// leaves this module.
import Sentiment from 'sentiment';

export interface ChoicePhrases {
  readonly label: string;
  readonly phrases: readonly string[];
}

const analyser = new Sentiment();

/** Lower case, words only, single spaces. */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The choice whose phrases the words name most often (the first listed on a tie); undefined: none. */
export function matchChoice(text: string, choices: readonly ChoicePhrases[]): string | undefined {
  const words = ` ${normaliseWords(text)} `;
  let best: { label: string; hits: number } | undefined;
  for (const c of choices) {
    let hits = 0;
    for (const p of c.phrases) {
      const phrase = normaliseWords(p);
      if (phrase === '') continue;
      // Whole words only, with an optional plural or possessive "s" ("bills", "refund's").
      const re = new RegExp(` ${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:'?s)? `, 'g');
      hits += words.match(re)?.length ?? 0;
    }
    if (hits > 0 && (!best || hits > best.hits)) best = { label: c.label, hits };
  }
  return best?.label;
}

/** The words' sentiment score: the sum of AFINN scores (-5 each for the worst words, +5 the best). */
export function sentimentScore(text: string): number {
  return analyser.analyze(text).score;
}
