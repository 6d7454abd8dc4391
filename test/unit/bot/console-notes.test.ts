import assert from 'node:assert/strict';
import { SwitchboardAdapter } from '../../../bot/botbuilder/adapter';
import { withConsoleNotes } from '../../../bot/botbuilder/console-notes';
import { captureStderrPerTest } from '../../helpers/stderr';

describe('bot: what botbuilder prints while it authenticates goes to the log', () => {
  const written = captureStderrPerTest();

  function logger() {
    const lines: Array<{ level: string; obj: Record<string, unknown>; msg?: string }> = [];
    const at = (level: string) => (obj: object, msg?: string) =>
      void lines.push({ level, obj: obj as Record<string, unknown>, ...(msg ? { msg } : {}) });
    return { lines, log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
  }

  it('inside: an error is one debug line, name and message, no stack; nothing reaches stderr', async () => {
    const { lines, log } = logger();
    const expired = new Error('jwt expired');
    expired.name = 'TokenExpiredError';
    const answer = await withConsoleNotes(log, async () => {
      await Promise.resolve();
      console.error(expired);
      console.warn('Error finding key for token. Available keys:\n-----BEGIN PUBLIC KEY-----');
      return 42;
    });
    assert.equal(answer, 42);
    assert.deepEqual(written, []);
    assert.deepEqual(
      lines.map((l) => [l.level, l.obj['level'], l.obj['said']]),
      [
        ['debug', 'error', 'TokenExpiredError: jwt expired'],
        ['debug', 'warn', 'Error finding key for token. Available keys: -----BEGIN PUBLIC KEY-----'],
      ],
    );
  });

  it('outside, and after it, the console writes to stderr as before', async () => {
    const { lines, log } = logger();
    await withConsoleNotes(log, () => Promise.resolve());
    console.error('printed by someone else');
    const later = new Promise<void>((resolve) => setTimeout(resolve, 1));
    await later;
    console.warn('and later');
    assert.equal(lines.length, 0);
    assert.match(written.join(''), /printed by someone else[\s\S]*and later/);
  });

  it("the adapter authenticates inside the scope but runs the turn outside it: the turn's output is printed", async () => {
    const { lines, log } = logger();
    const adapter = new SwitchboardAdapter({}, log);
    const activity = {
      type: 'message',
      text: 'hello',
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/teams/',
      from: { id: '29:user-1' },
      recipient: { id: '28:bot' },
      conversation: { id: 'a:conv-1' },
    } as Parameters<SwitchboardAdapter['run']>[1];
    let ran = false;
    await adapter.run('', activity, async () => {
      ran = true;
      console.error('printed by the turn');
    });
    assert.ok(ran, 'the turn ran (no app id: authentication is off)');
    assert.match(written.join(''), /printed by the turn/);
    assert.deepEqual(lines, []);
  });
});
