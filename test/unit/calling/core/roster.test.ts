import assert from 'node:assert/strict';
import { applyRoster, EMPTY_ROSTER } from '../../../../calling/core/roster';

const p = (id: string, seq?: number, extra: Record<string, unknown> = {}) => ({
  id,
  ...(seq === undefined ? {} : { rosterSequenceNumber: seq }),
  info: { identity: { user: { id: `user-${id}` } } },
  ...extra,
});

describe('roster merging', () => {
  it('reports joins from a snapshot and leaves from a later snapshot', () => {
    const a = applyRoster(EMPTY_ROSTER, 'updated', [p('bot', 1), p('x', 2)]);
    assert.deepEqual(
      a.joined.map((e) => e.id),
      ['bot', 'x'],
    );
    const b = applyRoster(a.roster, 'updated', [p('bot', 1), p('x', 2), p('y', 3)]);
    assert.deepEqual(
      b.joined.map((e) => e.id),
      ['y'],
    );
    assert.deepEqual(b.left, []);
    const c = applyRoster(b.roster, 'updated', [p('bot', 1), p('y', 4, { isMuted: true })]);
    assert.deepEqual(
      c.left.map((e) => e.id),
      ['x'],
    );
    assert.deepEqual(
      c.changed.map((e) => e.id),
      ['y'],
    );
  });

  it('ignores a stale snapshot delivered after a newer one', () => {
    const a = applyRoster(EMPTY_ROSTER, 'updated', [p('bot', 1), p('x', 2), p('y', 3)]);
    const stale = applyRoster(a.roster, 'updated', [p('bot', 1), p('x', 2)]);
    assert.deepEqual(stale.left, [], 'y joined after that snapshot was taken');
    assert.deepEqual(Object.keys(stale.roster.present).sort(), ['bot', 'x', 'y']);
    const olderMute = applyRoster(a.roster, 'updated', [
      p('bot', 1),
      p('x', 1, { isMuted: true }),
      p('y', 3),
    ]);
    assert.deepEqual(olderMute.changed, []);
  });

  it('handles created/deleted deltas and does not resurrect a leaver from a late copy', () => {
    const a = applyRoster(EMPTY_ROSTER, 'created', [p('bot', 1), p('x', 2)]);
    const b = applyRoster(a.roster, 'deleted', [p('x', 2)]);
    assert.deepEqual(
      b.left.map((e) => e.id),
      ['x'],
    );
    const late = applyRoster(b.roster, 'updated', [p('bot', 1), p('x', 2)]);
    assert.deepEqual(late.joined, []);
    const rejoin = applyRoster(b.roster, 'created', [p('x', 5)]);
    assert.deepEqual(
      rejoin.joined.map((e) => e.id),
      ['x'],
    );
  });

  it('is idempotent: the same snapshot twice changes nothing the second time', () => {
    const a = applyRoster(EMPTY_ROSTER, 'updated', [p('bot'), p('x')]);
    const again = applyRoster(a.roster, 'updated', [p('bot'), p('x')]);
    assert.deepEqual([again.joined, again.left, again.changed], [[], [], []]);
    const without = applyRoster(a.roster, 'updated', [p('bot')]);
    assert.deepEqual(
      without.left.map((e) => e.id),
      ['x'],
      'without sequence numbers a snapshot is the whole truth',
    );
  });
});
