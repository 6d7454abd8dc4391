import assert from 'node:assert/strict';
import { frontDeskConfigSchema, directoryOf } from '../../../../../calling/flows/frontdesk';
import { queuesFileSchema } from '../../../../../calling/flows/queue/queue-schema';
import { checkQueues, loadQueues } from '../../../../../calling/flows/queue/load-queues';
import { ConfigFileError, parseConfigText, readConfigFile } from '../../../../../calling/flows/runtime';

const dir = {
  people: {
    ann: { user: 'u-ann' },
    bob: { user: 'u-bob' },
    desk: { phone: '+14255550100' },
  },
  meetings: {},
};

function parse(text: string) {
  return parseConfigText(text, 'queues.yaml', queuesFileSchema, (f) => checkQueues(f, dir));
}

function problems(text: string): string[] {
  try {
    parse(text);
  } catch (err) {
    assert.ok(err instanceof ConfigFileError, String(err));
    return err.message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  }
  assert.fail('the file was accepted');
}

describe('queue configuration', () => {
  it('loads the shipped queues against the shipped directory', async () => {
    const fd = await readConfigFile('config/frontdesk.yaml', frontDeskConfigSchema);
    const file = await loadQueues('config/queues.yaml', directoryOf(fd));
    const support = file.queues['support'];
    assert.ok(support);
    assert.deepEqual(support.agents, ['support', 'adele', 'diego']);
    assert.equal(support.afterMaxWait, 'message');
    assert.equal(support.messageKey, '1');
  });

  it('fills in the defaults', () => {
    const q = parse('queues:\n  q1:\n    agents: [ann]\n    afterMaxWait: { transfer: bob }\n').queues['q1'];
    assert.ok(q);
    assert.equal(q.pick, 'longestIdle');
    assert.equal(q.ringSeconds, 20);
    assert.equal(q.maxWaitSeconds, 600);
    assert.equal(q.announceEverySeconds, 30);
  });

  it('names each bad value by line and key', () => {
    const text = [
      'queues:',
      '  q1:',
      '    agents: [ann]',
      '    pick: randomly',
      '    ringSeconds: 2',
      '    afterMaxWait: { transfer: bob }',
      '    announceEverySeconds: 5',
    ].join('\n');
    assert.deepEqual(problems(text), [
      'queues.yaml:4 queues.q1.pick: must be one of longestIdle, inOrder, roundRobin',
      'queues.yaml:5 queues.q1.ringSeconds: Too small: expected number to be >=5',
      'queues.yaml:7 queues.q1.announceEverySeconds: must be 0 (never) or between 15 and 600',
    ]);
  });

  it('refuses agents that are unknown, phone numbers or listed twice', () => {
    const text =
      'queues:\n  q1:\n    agents: [ann, nobody, desk, { user: U-ANN }]\n    afterMaxWait: { transfer: bob }\n';
    assert.deepEqual(problems(text), [
      `queues.yaml:3 queues.q1.agents[1]: "nobody" is not in the front desk's people:`,
      'queues.yaml:3 queues.q1.agents[2]: "desk" is a phone number; an agent must be a Teams user (presence is known only for users)',
      'queues.yaml:3 queues.q1.agents[3]: this agent is already in the queue',
    ]);
  });

  it('asks for a message path where one is needed, and a person or queue that exists', () => {
    const text = [
      'queues:',
      '  q1:',
      '    agents: [ann]',
      '    afterMaxWait: message',
      "    messageKey: '1'",
      '  q2:',
      '    agents: [bob]',
      '    afterMaxWait: { queue: q9 }',
      '  q3:',
      '    agents: [bob]',
      '    afterMaxWait: { transfer: carol }',
    ].join('\n');
    assert.deepEqual(problems(text), [
      'queues.yaml:4 queues.q1.afterMaxWait: needs the queue\'s "message:" (what to play and whom to notify)',
      'queues.yaml:5 queues.q1.messageKey: needs the queue\'s "message:" (what to play and whom to notify)',
      'queues.yaml:8 queues.q2.afterMaxWait.queue: there is no queue "q9" in this file',
      `queues.yaml:11 queues.q3.afterMaxWait.transfer: "carol" is not in the front desk's people:`,
    ]);
  });

  it('refuses a chain of queues that never ends, and one that runs into it', () => {
    const text = [
      'queues:',
      '  a: { agents: [ann], afterMaxWait: { queue: b } }',
      '  b: { agents: [bob], afterMaxWait: { queue: a } }',
      '  c: { agents: [bob], afterMaxWait: { queue: a } }',
    ].join('\n');
    const found = problems(text);
    assert.deepEqual(
      found.map((l) => l.split(':')[1]),
      ['2 queues.a.afterMaxWait.queue', '3 queues.b.afterMaxWait.queue', '4 queues.c.afterMaxWait.queue'],
    );
    assert.ok(
      found.every((l) => l.includes('never ends')),
      found.join('\n'),
    );
  });
});
