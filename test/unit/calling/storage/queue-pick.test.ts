import assert from 'node:assert/strict';
import { pickAgent, type PickInput, type QueueAgent } from '../../../../calling';

const AGENTS = ['a', 'b', 'c'];

function input(over: Partial<PickInput> = {}): PickInput {
  return {
    policy: 'longestIdle',
    agents: AGENTS,
    available: new Set(AGENTS),
    states: new Map(),
    skip: new Set(),
    ...over,
  };
}

function idle(agentId: string, idleSince: number): [string, QueueAgent] {
  return [agentId, { agentId, state: 'idle', idleSince }];
}

describe('picking the next agent', () => {
  it('longest idle: the agent whose last call ended longest ago, then the queue order', () => {
    const states = new Map([idle('a', 300), idle('b', 100), idle('c', 200)]);
    assert.equal(pickAgent(input({ states })), 'b');
    assert.equal(
      pickAgent(input({ states: new Map([idle('a', 300)]) })),
      'b',
      'never rung beats any idle time',
    );
  });

  it('in order: the first free agent of the list', () => {
    const states = new Map([idle('a', 100), idle('b', 1), idle('c', 2)]);
    assert.equal(pickAgent(input({ policy: 'inOrder', states })), 'a');
    assert.equal(pickAgent(input({ policy: 'inOrder', states, skip: new Set(['a']) })), 'b');
  });

  it('round robin: the agent after the one rung last, going round', () => {
    assert.equal(pickAgent(input({ policy: 'roundRobin' })), 'a');
    assert.equal(pickAgent(input({ policy: 'roundRobin', lastAgent: 'a' })), 'b');
    assert.equal(pickAgent(input({ policy: 'roundRobin', lastAgent: 'c' })), 'a');
    assert.equal(
      pickAgent(input({ policy: 'roundRobin', lastAgent: 'a', available: new Set(['a', 'c']) })),
      'c',
    );
  });

  it('never an agent who is not Available, is ringing or busy, or is skipped for this caller', () => {
    const states = new Map<string, QueueAgent>([
      ['a', { agentId: 'a', state: 'ringing', callId: 'x', idleSince: 0 }],
      ['b', { agentId: 'b', state: 'busy', callId: 'y', idleSince: 0 }],
    ]);
    for (const policy of ['longestIdle', 'inOrder', 'roundRobin'] as const) {
      assert.equal(pickAgent(input({ policy, states })), 'c', policy);
      assert.equal(pickAgent(input({ policy, states, available: new Set(['a', 'b']) })), undefined, policy);
      assert.equal(pickAgent(input({ policy, states, skip: new Set(['c']) })), undefined, policy);
    }
  });
});
