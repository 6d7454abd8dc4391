// The emulator host page's side of adding a tab (browser scripts run in a VM context): where the
// configuration page is, which settings it keeps from settings.setSettings, and the settings frame.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

type Check = { ok: true; settings: Record<string, string> } | { ok: false; reason: string };
interface Stage {
  configUrlFor(tabUrl: string, configParam: string, pageHref: string): string;
  checkSettings(settings: unknown, configOrigin: string): Check;
  saveArgs(): unknown[];
}
interface Protocol {
  frameContextOf(choice: string, stage?: string): string;
  buildContext(s: unknown): Record<string, unknown>;
  initializeArgs(s: unknown): unknown[];
}

const PAGE = path.resolve(__dirname, '../../../emulator/host/page');

function load(): { stage: Stage; protocol: Protocol } {
  const sandbox: Record<string, unknown> = { URL, btoa: (s: string) => Buffer.from(s).toString('base64') };
  sandbox.globalThis = sandbox;
  for (const f of ['protocol.js', 'config-stage.js'])
    vm.runInNewContext(readFileSync(path.join(PAGE, f), 'utf8'), sandbox);
  return {
    stage: sandbox.TeamsHostConfigStage as Stage,
    protocol: sandbox.TeamsHostProtocol as Protocol,
  };
}

const ORIGIN = 'http://127.0.0.1:3978';
const HOST = 'http://localhost:3979/host?context=teamChannel';

describe('emulator host: the configure stage of a configurable tab', () => {
  const { stage, protocol } = load();

  it('frames config.html beside the tab, or the page the query names', () => {
    assert.equal(stage.configUrlFor(`${ORIGIN}/tab/`, '', HOST), `${ORIGIN}/tab/config.html`);
    assert.equal(stage.configUrlFor(`${ORIGIN}/tab/index.html`, '', HOST), `${ORIGIN}/tab/config.html`);
    assert.equal(
      stage.configUrlFor(`${ORIGIN}/tab/`, `${ORIGIN}/other/setup.html`, HOST),
      `${ORIGIN}/other/setup.html`,
    );
  });

  it('keeps settings whose URLs are on the app origin', () => {
    const r = stage.checkSettings(
      {
        entityId: 'switchboard-team-board',
        contentUrl: `${ORIGIN}/tab/?view=team`,
        websiteUrl: `${ORIGIN}/tab/`,
        suggestedDisplayName: 'Switchboard',
        unknown: 'dropped',
      },
      ORIGIN,
    );
    assert.equal(r.ok, true);
    assert.deepEqual(r.ok && { ...r.settings }, {
      contentUrl: `${ORIGIN}/tab/?view=team`,
      websiteUrl: `${ORIGIN}/tab/`,
      entityId: 'switchboard-team-board',
      suggestedDisplayName: 'Switchboard',
    });
  });

  it('refuses settings Teams would not keep, saying why', () => {
    const reason = (s: unknown) => {
      const r = stage.checkSettings(s, ORIGIN);
      return r.ok ? 'kept' : r.reason;
    };
    assert.equal(reason(undefined), 'no settings were given');
    assert.equal(reason({ entityId: 'x' }), 'contentUrl is required');
    assert.match(reason({ contentUrl: '/tab/' }), /contentUrl is not an absolute URL/);
    assert.match(
      reason({ contentUrl: 'https://elsewhere.example/tab/' }),
      /contentUrl is outside the app's domains/,
    );
    assert.match(
      reason({ contentUrl: `${ORIGIN}/tab/`, removeUrl: 'http://127.0.0.1:9/x' }),
      /removeUrl is outside/,
    );
    assert.equal(reason({ contentUrl: `${ORIGIN}/tab/`, entityId: 7 }), 'entityId must be a string');
  });

  it('answers initialize and getContext with the settings frame while configuring', () => {
    assert.equal(protocol.frameContextOf('teamChannel', 'configure'), 'settings');
    assert.equal(protocol.frameContextOf('meetingSidePanel', 'configure'), 'settings');
    assert.equal(protocol.frameContextOf('meetingSidePanel', 'content'), 'sidePanel');
    assert.equal(protocol.frameContextOf('teamChannel'), 'content');
    const s = {
      context: 'teamChannel',
      stage: 'configure',
      theme: 'default',
      sessionId: 's1',
      tenantId: 't1',
      person: { id: 'u1', userPrincipalName: 'a@contoso.example', displayName: 'A' },
      team: { id: 'g1', internalId: '19:t@thread.tacv2', displayName: 'Sales', channels: [] },
    };
    assert.equal(protocol.initializeArgs(s)[0], 'settings');
    assert.equal(protocol.buildContext(s).frameContext, 'settings');
    assert.equal(protocol.buildContext(s).entityId, 'switchboard');
    // Once saved, the tab's context carries the entity id its configuration page chose.
    const saved = { ...s, stage: 'content', saved: { entityId: 'switchboard-team-board' } };
    assert.equal(protocol.buildContext(saved).entityId, 'switchboard-team-board');
    assert.equal(protocol.buildContext(saved).frameContext, 'content');
  });

  it('sends the save event with save parameters', () => {
    assert.deepEqual(
      [...stage.saveArgs()].map((a) => ({ ...(a as object) })),
      [{}],
    );
  });
});
