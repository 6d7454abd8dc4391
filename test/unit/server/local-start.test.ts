// The pieces `npm start` decides with before anything runs: the mode, the ports, the addresses it
// prints and the one line a failure becomes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { AppError, readConfig } from '../../../server';
import { localBanner } from '../../../server/local/banner';
import { isLocalMode, localEnvironment, localFlowFiles } from '../../../server/local/local-env';
import { startLocal } from '../../../server/local/start-local';
import { ensurePortFree, loopbackUrl } from '../../../server/ports';
import { startFailureLine } from '../../../server/start-failure';

describe('npm start: decisions before anything runs', () => {
  it('runs local mode without MicrosoftAppId, unless SWITCHBOARD_MODE says otherwise', () => {
    assert.equal(isLocalMode({}), true);
    assert.equal(isLocalMode({ MicrosoftAppId: 'x' }), false);
    assert.equal(isLocalMode({ MicrosoftAppId: 'x', SWITCHBOARD_MODE: 'local' }), true);
    assert.equal(isLocalMode({ SWITCHBOARD_MODE: 'teams' }), false);
  });

  it('local mode reads the shipped front desk, menus and queues unless told otherwise', () => {
    assert.deepEqual(localFlowFiles({}, '/repo'), {
      FRONTDESK_CONFIG: '/repo/config/frontdesk.yaml',
      IVR_DIR: '/repo/config/ivr',
      QUEUES_CONFIG: '/repo/config/queues.yaml',
    });
    assert.equal(localFlowFiles({ QUEUES_CONFIG: 'q.yaml' }, '/repo').QUEUES_CONFIG, 'q.yaml');
    assert.equal(localFlowFiles({ FRONTDESK_CONFIG: 'mine.yaml' }, '/repo').FRONTDESK_CONFIG, 'mine.yaml');
  });

  it("local mode recognises speech at the emulator's endpoint with the seed's key, unless told otherwise", () => {
    const root = path.resolve(__dirname, '../../..');
    const seed = JSON.parse(readFileSync(path.join(root, 'emulator/seed/tenant.json'), 'utf8')) as {
      apps: Array<{ appId: string }>;
    };
    const r = {
      port: 3979,
      url: 'https://localhost:3979',
      httpUrl: 'http://127.0.0.1:3979',
      caPath: '/ca.pem',
      tenantId: 't',
      appId: seed.apps[0]!.appId,
    };
    const { env, sources } = localEnvironment({}, {}, r, root);
    assert.equal(env.SPEECH_ENDPOINT, 'https://localhost:3979');
    assert.equal(env.SPEECH_KEY, 'emulator-speech-key');
    assert.equal(sources.SPEECH_ENDPOINT, 'local mode (emulator)');
    const own = localEnvironment({ SPEECH_REGION: 'westeurope', SPEECH_KEY: 'mine' }, {}, r, root).env;
    assert.equal(own.SPEECH_ENDPOINT, undefined);
    assert.equal(own.SPEECH_KEY, 'mine');
  });

  it('reads EMULATOR_PORT with the configuration, checked the way PORT is', () => {
    const local = (env: Record<string, string>) => readConfig({ SWITCHBOARD_MODE: 'local', ...env });
    assert.equal(local({}).EMULATOR_PORT, 3979);
    assert.equal(local({ EMULATOR_PORT: '' }).EMULATOR_PORT, 3979);
    assert.equal(local({ EMULATOR_PORT: '4979' }).EMULATOR_PORT, 4979);
    assert.throws(
      () => local({ EMULATOR_PORT: '70000' }),
      (e: unknown) =>
        e instanceof AppError &&
        e.code === 'config_invalid' &&
        e.message === 'EMULATOR_PORT must be an integer between 0 and 65535 (got "70000")',
    );
  });

  it('refuses PORT=0 in local mode before starting anything: the emulator needs the port first', async () => {
    await assert.rejects(startLocal({ PORT: '0' }, {}), (e: unknown) => {
      assert.match(
        startFailureLine(e),
        /^switchboard: configuration error: PORT must be a fixed port in local mode/,
      );
      return true;
    });
  });

  it('reaches a wildcard HOST on loopback, and brackets IPv6', () => {
    assert.equal(loopbackUrl('0.0.0.0', 4978), 'http://127.0.0.1:4978');
    assert.equal(loopbackUrl('::', 4978), 'http://127.0.0.1:4978');
    assert.equal(loopbackUrl('127.0.0.2', 4978), 'http://127.0.0.2:4978');
    assert.equal(loopbackUrl('::1', 4978), 'http://[::1]:4978');
  });

  it('finds a taken port before starting anything, naming the variable', async () => {
    const holder = createServer();
    await new Promise<void>((r) => holder.listen(0, '127.0.0.1', r));
    const port = (holder.address() as AddressInfo).port;
    try {
      await assert.rejects(ensurePortFree(port, '127.0.0.1', 'PORT', 'another Switchboard'), (e: unknown) => {
        assert.equal(
          startFailureLine(e),
          `switchboard: failed to start: port ${port} is in use: another Switchboard may be running; stop it or set PORT`,
        );
        return true;
      });
    } finally {
      await new Promise((r) => holder.close(r));
    }
    await ensurePortFree(port, '127.0.0.1', 'PORT', 'another Switchboard');
  });

  it('prints a configuration error as one line naming the variable', () => {
    assert.throws(
      () => readConfig({ PORT: 'abc' }),
      (e: unknown) => {
        assert.match(startFailureLine(e), /^switchboard: configuration error: PORT must be .*"abc"/);
        return true;
      },
    );
    assert.equal(startFailureLine(new Error('boom')), 'switchboard: failed to start: boom');
  });

  it('prints every address from the ports in use', () => {
    const text = localBanner({
      appUrl: 'http://localhost:4978',
      tabUrl: 'http://localhost:4978/tab/',
      emulatorUrl: 'https://localhost:4979',
      emulatorHttpUrl: 'http://127.0.0.1:4979',
      tenantId: 't',
    });
    assert.doesNotMatch(text, /397[89]/);
    assert.match(text, /app +http:\/\/localhost:4978 +\(health: http:\/\/localhost:4978\/healthz\)/);
    assert.match(text, /softphone +http:\/\/localhost:4979\/softphone/);
    assert.match(
      text,
      /tab in Teams host +http:\/\/localhost:4979\/host +\(frames http:\/\/localhost:4978\/tab\/\)/,
    );
  });
});
