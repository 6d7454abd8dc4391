import assert from 'node:assert/strict';
import { scanLog } from '../../../scripts/smoke/log-check';

const line = (o: Record<string, unknown>): string => JSON.stringify({ time: 't', app: 'switchboard', ...o });

describe('smoke: log check', () => {
  it('passes info, warnings and a logged error whose stack is inside the line', () => {
    const log = [
      '> switchboard@0.1.0 start',
      line({ level: 30, msg: 'switchboard listening' }),
      line({ level: 40, msg: 'graph request failed' }),
      line({
        level: 50,
        msg: 'operation request failed',
        err: { stack: 'CallingError: x\n    at make (a.js:1:2)' },
      }),
    ].join('\n');
    const verdict = scanLog(log);
    assert.deepEqual(verdict.bad, []);
    assert.equal(verdict.errors.length, 1);
    assert.match(verdict.errors[0] ?? '', /^4: /);
  });

  it('fails on a fatal line and on anything unhandled or uncaught', () => {
    assert.equal(scanLog(line({ level: 60, msg: 'boom' })).bad.length, 1);
    assert.equal(
      scanLog(line({ level: 50, msg: 'unhandled rejection', err: { message: 'x' } })).bad.length,
      1,
    );
    assert.equal(
      scanLog(line({ level: 40, msg: 'x', err: { message: 'Uncaught exception' } })).bad.length,
      1,
    );
    assert.equal(scanLog('[emulator] unhandled error on POST /v1.0/x').bad.length, 1);
  });

  it('fails on the raw stack trace Node prints when an error ends the process', () => {
    const crash = [
      '/srv/dist/calling/core/operation-tracker.js:40',
      '            throw err;',
      'CallOperationError: cancelMediaProcessing did not finish: the call ended',
      '    at OperationTracker.fail (/srv/dist/calling/core/operation-tracker.js:40:19)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
      'Node.js v20.20.2',
      'npm error code 1',
    ].join('\n');
    const { bad } = scanLog(crash);
    assert.deepEqual(
      bad.map((b) => Number(b.split(':')[0])),
      [4, 5, 6, 7],
    );
  });
});
