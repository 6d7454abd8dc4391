// The emulator's last resort for a failure no code handled: loud lines on stderr, and an exit after an
// uncaught exception. A fake process records what the handlers do; nothing is installed on the real one.
import assert from 'node:assert/strict';
import { installLastResort, type LastResortProcess } from '../../../emulator/last-resort';

function fakeProcess() {
  const listeners = new Map<string, (value: unknown) => void>();
  const exits: number[] = [];
  const proc: LastResortProcess = {
    on(event: string, listener: (value: never) => void) {
      listeners.set(event, listener as (value: unknown) => void);
      return proc;
    },
    exit(code: number) {
      exits.push(code);
    },
  };
  const emit = (event: string, value: unknown) => {
    const listener = listeners.get(event);
    assert.ok(listener, `no ${event} handler was installed`);
    listener(value);
  };
  return { proc, exits, emit };
}

function recorder() {
  const logged: Array<{ msg: string; err: unknown }> = [];
  return { logged, log: (msg: string, err?: unknown) => logged.push({ msg, err }) };
}

describe('emulator last resort (unhandledRejection, uncaughtException)', () => {
  it('an unhandled rejection is logged as a bug with its error, and the emulator keeps running', () => {
    const { proc, exits, emit } = fakeProcess();
    const { logged, log } = recorder();
    installLastResort(proc, log);
    const err = new Error('notification queue broke');
    emit('unhandledRejection', err);
    assert.equal(logged.length, 1);
    assert.match(logged[0]?.msg ?? '', /BUG/);
    assert.match(logged[0]?.msg ?? '', /unhandled rejection/i);
    assert.equal(logged[0]?.err, err);
    assert.deepEqual(exits, []);
  });

  it('an uncaught exception is logged as a bug with its error, then the emulator exits 1', () => {
    const { proc, exits, emit } = fakeProcess();
    const { logged, log } = recorder();
    installLastResort(proc, log);
    const err = new TypeError('x is undefined');
    emit('uncaughtException', err);
    assert.equal(logged.length, 1);
    assert.match(logged[0]?.msg ?? '', /BUG/);
    assert.match(logged[0]?.msg ?? '', /uncaught exception/i);
    assert.equal(logged[0]?.err, err);
    assert.deepEqual(exits, [1]);
  });
});
