// Reads the queues file and checks what the schema cannot: agents and people named exist in the front
// desk's directory and are Teams users, other queues exist, no chain of queues leads back to itself,
// and a message path is there for whatever needs one.
import { readConfigFile, type ConfigIssue, type Directory } from '../runtime';
import { queuesFileSchema, type QueuesFile } from './queue-schema';

/** Cross-reference problems of a queues file against the directory. */
export function checkQueues(file: QueuesFile, dir: Directory): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  for (const [name, q] of Object.entries(file.queues)) {
    const at = ['queues', name];
    const seen = new Set<string>();
    q.agents.forEach((a, i) => {
      const path = [...at, 'agents', i];
      const party = typeof a === 'string' ? dir.people[a] : a;
      if (!party) issues.push({ path, message: `"${String(a)}" is not in the front desk's people:` });
      else if (!('user' in party))
        issues.push({
          path,
          message: `"${String(a)}" is a phone number; an agent must be a Teams user (presence is known only for users)`,
        });
      else if (seen.has(party.user.toLowerCase()))
        issues.push({ path, message: `this agent is already in the queue` });
      else seen.add(party.user.toLowerCase());
    });
    const after = q.afterMaxWait;
    if (after === 'message' && !q.message)
      issues.push({
        path: [...at, 'afterMaxWait'],
        message: 'needs the queue\'s "message:" (what to play and whom to notify)',
      });
    if (q.messageKey !== undefined && !q.message)
      issues.push({
        path: [...at, 'messageKey'],
        message: 'needs the queue\'s "message:" (what to play and whom to notify)',
      });
    if (
      typeof after === 'object' &&
      'transfer' in after &&
      typeof after.transfer === 'string' &&
      !dir.people[after.transfer]
    )
      issues.push({
        path: [...at, 'afterMaxWait', 'transfer'],
        message: `"${after.transfer}" is not in the front desk's people:`,
      });
    if (typeof after === 'object' && 'queue' in after) {
      if (!file.queues[after.queue])
        issues.push({
          path: [...at, 'afterMaxWait', 'queue'],
          message: `there is no queue "${after.queue}" in this file`,
        });
      else if (leadsBack(file, name))
        issues.push({
          path: [...at, 'afterMaxWait', 'queue'],
          message:
            'this chain of queues never ends (it comes back to a queue it passed): end it with message or transfer',
        });
    }
  }
  return issues;
}

/** Whether following afterMaxWait from `start` through other queues reaches a queue already passed. */
function leadsBack(file: QueuesFile, start: string): boolean {
  const passed = new Set<string>([start]);
  let at = file.queues[start];
  while (at && typeof at.afterMaxWait === 'object' && 'queue' in at.afterMaxWait) {
    const next = at.afterMaxWait.queue;
    if (passed.has(next)) return true;
    passed.add(next);
    at = file.queues[next];
  }
  return false;
}

/** Reads and checks the queues file; throws ConfigFileError naming the file, line and key. */
export function loadQueues(file: string, dir: Directory): Promise<QueuesFile> {
  return readConfigFile(file, queuesFileSchema, (f) => checkQueues(f, dir));
}
