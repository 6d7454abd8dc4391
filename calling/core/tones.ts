import type { Tone } from '@microsoft/microsoft-graph-types';
import { CallOperationError } from './errors';

const TONE_TO_DIGIT: Readonly<Record<Exclude<Tone, 'unknownFutureValue'>, string>> = {
  tone0: '0',
  tone1: '1',
  tone2: '2',
  tone3: '3',
  tone4: '4',
  tone5: '5',
  tone6: '6',
  tone7: '7',
  tone8: '8',
  tone9: '9',
  star: '*',
  pound: '#',
  a: 'A',
  b: 'B',
  c: 'C',
  d: 'D',
  flash: '!',
};

const DIGIT_TO_TONE = new Map(Object.entries(TONE_TO_DIGIT).map(([tone, digit]) => [digit, tone as Tone]));

/** The key a Graph tone stands for ('tone5' → '5', 'pound' → '#'); undefined for an unknown tone. */
export function digitOf(tone: unknown): string | undefined {
  return typeof tone === 'string' ? (TONE_TO_DIGIT as Record<string, string>)[tone] : undefined;
}

/** Graph tones for a dial string like '12#'; throws CallOperationError('invalid_request') on other characters. */
export function tonesOf(keys: string): Tone[] {
  return [...keys.toUpperCase()].map((k) => {
    const tone = DIGIT_TO_TONE.get(k);
    if (!tone) {
      throw new CallOperationError(
        'invalid_request',
        `"${k}" is not a DTMF key; use 0-9, *, #, A-D or ! (flash).`,
      );
    }
    return tone;
  });
}
