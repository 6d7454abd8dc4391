// A seeded pseudo-random generator for randomised tests, so a failure can be replayed from its seed.
// Hand-written: none of the project's dependencies offers one, and mulberry32 is a few lines whose
// statistical quality is ample for picking keys and pauses.

export interface Prng {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  /** One of the items. */
  pick<T>(items: readonly T[]): T;
  /** One of the items, each with its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

/** A generator for a 32-bit seed. */
export function prng(seed: number): Prng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const self: Prng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick(items) {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted(items) {
      const total = items.reduce((n, [, w]) => n + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return self.pick(items.map(([item]) => item));
    },
    chance: (p) => next() < p,
  };
  return self;
}

/** The seed a randomised test uses: `env` when it names one (to replay a failure), else a fresh one. */
export function seedFrom(env: string | undefined): number {
  if (env !== undefined && env !== '') {
    const n = Number(env);
    if (!Number.isInteger(n)) throw new Error(`the seed must be a whole number, not "${env}"`);
    return n >>> 0;
  }
  return Math.floor(Math.random() * 2 ** 32);
}
