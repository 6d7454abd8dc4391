// The people a user keeps on their board, remembered in this browser (per user).
import type { Person } from '../types';

export type Picked = Pick<Person, 'id' | 'displayName'>;

const key = (userId: string | undefined): string => `switchboard.board.${userId ?? 'anonymous'}`;

/** The saved board ([] when nothing or something unreadable is stored). */
export function loadBoard(userId: string | undefined): Picked[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(key(userId)) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (p): p is Picked =>
        typeof p === 'object' && p !== null && typeof p.id === 'string' && typeof p.displayName === 'string',
    );
  } catch (err) {
    console.warn('board not readable', err);
    return [];
  }
}

export function saveBoard(userId: string | undefined, people: Picked[]): void {
  localStorage.setItem(
    key(userId),
    JSON.stringify(people.map(({ id, displayName }) => ({ id, displayName }))),
  );
}
