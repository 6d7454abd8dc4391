import assert from 'node:assert/strict';
import { applyRoster, EMPTY_ROSTER, presentEntry, readRoster } from '../../../../calling/core/roster';

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

  it('matches a participant however Graph spells its id, and keeps the first spelling', () => {
    const compact = '0A1B2C3D4E5F4A6B8C7D9E0F1A2B3C4D';
    const hyphenated = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const a = applyRoster(EMPTY_ROSTER, 'created', [p(compact, 1)]);
    const b = applyRoster(a.roster, 'updated', [p(hyphenated, 2, { isMuted: true })]);
    assert.deepEqual(b.joined, [], 'the same participant, not a second one');
    assert.deepEqual(
      b.changed.map((e) => e.id),
      [compact],
    );
    assert.equal(presentEntry(b.roster, hyphenated.toUpperCase())?.id, compact);
    const c = applyRoster(b.roster, 'deleted', [p(hyphenated, 3)]);
    assert.deepEqual(
      c.left.map((e) => e.id),
      [compact],
    );
    assert.deepEqual(c.roster.present, {});
    // A roster stored before participants were keyed: its compact key still finds the participant.
    const stored = readRoster({ present: { [compact]: { id: compact, resource: {} } }, gone: {} });
    assert.equal(presentEntry(stored, hyphenated)?.id, compact);
  });
});
