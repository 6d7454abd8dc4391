// The app's last resort for a failure no code handled: loud logs, and a clean stop after an uncaught
// exception. A fake process records what the handlers do; nothing is installed on the real one.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { createLogger } from '../../../server/logger';
import { installLastResort, type LastResortProcess } from '../../../server/last-resort';

interface Line {
  level: number;
  msg: string;
  lastResort?: string;
  err?: { message?: string; stack?: string };
}

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

function capture() {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l) lines.push(JSON.parse(l) as Line);
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

const FATAL = 60;
const ERROR = 50;
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('server last resort (unhandledRejection, uncaughtException)', () => {
  it('an unhandled rejection is logged at error as a bug, with the reason, and the process keeps running', async () => {
    const { proc, exits, emit } = fakeProcess();
    const { lines, logger } = capture();
    installLastResort(proc, logger);
    emit('unhandledRejection', new Error('transfer did not finish'));
    await settle();
    const line = lines.find((l) => l.lastResort === 'unhandledRejection');
    assert.ok(line, `nothing logged: ${JSON.stringify(lines)}`);
    assert.equal(line.level, ERROR);
    assert.match(line.msg, /bug/i);
    assert.equal(line.err?.message, 'transfer did not finish');
    assert.match(line.err?.stack ?? '', /transfer did not finish/);
    assert.deepEqual(exits, [], 'an unhandled rejection does not stop the process');
  });

  it('a rejection with a value that is not an Error is logged too', async () => {
    const { proc, emit } = fakeProcess();
    const { lines, logger } = capture();
    installLastResort(proc, logger);
    emit('unhandledRejection', 'a plain string');
    await settle();
    const line = lines.find((l) => l.lastResort === 'unhandledRejection');
    assert.match(JSON.stringify(line), /a plain string/);
  });

  it('an uncaught exception is logged at fatal, the cleanup runs, then the process exits 1', async () => {
    const { proc, exits, emit } = fakeProcess();
    const { lines, logger } = capture();
    const order: string[] = [];
    installLastResort(proc, logger, {
      cleanup: async () => {
        order.push('cleanup');
        assert.deepEqual(exits, [], 'cleanup runs before the exit');
      },
    });
    emit('uncaughtException', new TypeError('cannot read properties of undefined'));
    await settle();
    const line = lines.find((l) => l.lastResort === 'uncaughtException');
    assert.ok(line, `nothing logged: ${JSON.stringify(lines)}`);
    assert.equal(line.level, FATAL);
    assert.match(line.msg, /bug/i);
    assert.equal(line.err?.message, 'cannot read properties of undefined');
    assert.deepEqual(order, ['cleanup']);
    assert.deepEqual(exits, [1]);
  });

  it('a failing cleanup is logged and the process still exits 1', async () => {
    const { proc, exits, emit } = fakeProcess();
    const { lines, logger } = capture();
    installLastResort(proc, logger, { cleanup: () => Promise.reject(new Error('emulator would not stop')) });
    emit('uncaughtException', new Error('boom'));
    await settle();
    assert.ok(
      lines.some((l) => l.err?.message === 'emulator would not stop'),
      JSON.stringify(lines),
    );
    assert.deepEqual(exits, [1]);
  });

  it('a cleanup that never ends does not keep the process alive past cleanupMs', async () => {
    const { proc, exits, emit } = fakeProcess();
    const { logger } = capture();
    installLastResort(proc, logger, { cleanup: () => new Promise(() => undefined), cleanupMs: 20 });
    emit('uncaughtException', new Error('boom'));
    await settle();
    assert.deepEqual(exits, [], 'waits for the cleanup first');
    await new Promise((resolve) => setTimeout(resolve, 60));
    assert.deepEqual(exits, [1]);
  });

  it('a second uncaught exception during the cleanup exits at once', async () => {
    const { proc, exits, emit } = fakeProcess();
    const { lines, logger } = capture();
    installLastResort(proc, logger, { cleanup: () => new Promise(() => undefined), cleanupMs: 10_000 });
    emit('uncaughtException', new Error('first'));
    emit('uncaughtException', new Error('second'));
    await settle();
    assert.deepEqual(exits, [1]);
    assert.ok(
      lines.some((l) => l.err?.message === 'second'),
      'the second one is logged too',
    );
  });
});
