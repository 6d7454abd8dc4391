// The emulator's command line (`npx @switchboard/emulator --port 3979`): flags become the EMULATOR_*
// variables main.ts reads, help and version start nothing, and a wrong argument says what is wrong.
import assert from 'node:assert/strict';
import { USAGE, readCommandLine, takeCommandLine, type CommandLineProcess } from '../../../emulator/cli';

function fakeProcess(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const proc: CommandLineProcess = {
    argv: ['/usr/bin/node', '/pkg/dist/main.js', ...args],
    env,
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
  };
  return { proc, out, err };
}

describe('emulator command line', () => {
  it('turns every flag into its EMULATOR_* variable', () => {
    const cli = readCommandLine([
      '--port',
      '4190',
      '--host',
      '0.0.0.0',
      '--data-dir',
      '/tmp/emu',
      '--public-url',
      'https://emu.example',
      '--app-webhook',
      'https://app.example/api/calls',
      '--seed',
      'tenant.json',
      '--tab-url',
      'http://localhost:4191/tab/',
    ]);
    assert.deepEqual(cli, {
      kind: 'run',
      env: {
        EMULATOR_PORT: '4190',
        EMULATOR_HOST: '0.0.0.0',
        EMULATOR_DATA_DIR: '/tmp/emu',
        EMULATOR_PUBLIC_URL: 'https://emu.example',
        EMULATOR_APP_WEBHOOK: 'https://app.example/api/calls',
        EMULATOR_SEED: 'tenant.json',
        EMULATOR_TAB_URL: 'http://localhost:4191/tab/',
      },
    });
  });

  it('accepts --flag=value and sets nothing without flags', () => {
    assert.deepEqual(readCommandLine(['--port=0']), { kind: 'run', env: { EMULATOR_PORT: '0' } });
    assert.deepEqual(readCommandLine([]), { kind: 'run', env: {} });
  });

  it('lets a flag win over the variable already in the environment', () => {
    const { proc } = fakeProcess(['--port', '4190'], { EMULATOR_PORT: '3979', EMULATOR_PROMPT_SPEED: '4' });
    assert.equal(takeCommandLine(proc), true);
    assert.equal(proc.env.EMULATOR_PORT, '4190');
    assert.equal(proc.env.EMULATOR_PROMPT_SPEED, '4');
  });

  it('prints the usage for --help and -h and starts nothing', () => {
    for (const flag of ['--help', '-h']) {
      const { proc, out } = fakeProcess([flag]);
      assert.equal(takeCommandLine(proc), false);
      assert.equal(out.join(''), USAGE);
      assert.equal(proc.exitCode, undefined);
    }
    assert.match(USAGE, /--port <n>/);
  });

  it("prints the package's version for --version", () => {
    const { proc, out } = fakeProcess(['--version']);
    assert.equal(takeCommandLine(proc), false);
    assert.match(out.join(''), /^\d+\.\d+\.\d+\n$/);
  });

  it('refuses an unknown flag, a stray argument or a missing value with exit code 2 and the usage', () => {
    for (const args of [['--prot', '4190'], ['4190'], ['--port']]) {
      const { proc, out, err } = fakeProcess(args);
      assert.equal(takeCommandLine(proc), false, args.join(' '));
      assert.equal(proc.exitCode, 2);
      assert.deepEqual(out, []);
      assert.match(err.join(''), /^switchboard-emulator: .+\n\nUsage: /);
    }
  });

  it('refuses a port that is not a number, naming the flag', () => {
    const cli = readCommandLine(['--port', 'http']);
    assert.equal(cli.kind, 'error');
    assert.match(cli.kind === 'error' ? cli.message : '', /--port must be a port number .*"http"/);
  });
});
