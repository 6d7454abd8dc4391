import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, CONFIG_KEYS, describeConfig, parseEnvFile, readConfig } from '../../../server';

const TEAMS = {
  MicrosoftAppId: '0b6e2f4c-1111-2222-3333-44445555b302',
  MicrosoftAppPassword: 's3cret-value',
  MicrosoftAppTenantId: '7c1f0d2a-1111-2222-3333-444455559f11',
  PUBLIC_URL: 'https://switchboard.example.com/',
};

function errorOf(env: Record<string, string>): AppError {
  try {
    readConfig(env);
  } catch (e) {
    assert.ok(e instanceof AppError);
    return e;
  }
  assert.fail('readConfig accepted a bad configuration');
}

describe('readConfig', () => {
  it('local mode needs nothing and has sensible defaults', () => {
    const c = readConfig({ SWITCHBOARD_MODE: 'local' });
    assert.equal(c.PORT, 3978);
    assert.equal(c.HOST, '127.0.0.1');
    assert.equal(c.SQLITE_PATH, './data/switchboard.db');
    assert.equal(c.GRAPH_BASE_URL, 'https://graph.microsoft.com/v1.0');
    assert.equal(c.publicUrl, 'http://localhost:3978');
  });

  it('is frozen', () => {
    const c = readConfig({ SWITCHBOARD_MODE: 'local' });
    assert.ok(Object.isFrozen(c));
    assert.throws(() => ((c as { PORT: number }).PORT = 1));
  });

  it('teams mode is the default and fails closed without credentials', () => {
    const e = errorOf({});
    assert.equal(e.code, 'config_invalid');
    assert.match(e.message, /^MicrosoftAppId is required in teams mode/);
  });

  it('teams mode accepts full credentials and strips the trailing slash of PUBLIC_URL', () => {
    const c = readConfig(TEAMS);
    assert.equal(c.SWITCHBOARD_MODE, 'teams');
    assert.equal(c.publicUrl, 'https://switchboard.example.com');
  });

  it('teams mode insists on an https PUBLIC_URL', () => {
    assert.match(
      errorOf({ ...TEAMS, PUBLIC_URL: 'http://x.example.com' }).message,
      /^PUBLIC_URL must be https/,
    );
  });

  it('names the variable and what is expected', () => {
    assert.match(
      errorOf({ SWITCHBOARD_MODE: 'local', PORT: 'abc' }).message,
      /^PORT must be an integer between 0 and 65535 \(got "abc"\)$/,
    );
    assert.match(errorOf({ SWITCHBOARD_MODE: 'local', PORT: '70000' }).message, /^PORT /);
    assert.match(
      errorOf({ SWITCHBOARD_MODE: 'local', MicrosoftAppId: 'not-a-guid' }).message,
      /^MicrosoftAppId must be a GUID/,
    );
    assert.match(
      errorOf({ SWITCHBOARD_MODE: 'local', DATABASE_URL: 'mysql://x' }).message,
      /^DATABASE_URL must be a postgres:\/\/ URL/,
    );
    assert.match(errorOf({ SWITCHBOARD_MODE: 'cloud' }).message, /^SWITCHBOARD_MODE must be "local"/);
    assert.match(
      errorOf({ SWITCHBOARD_MODE: 'local', TENANT_ALLOWLIST: 'a,b' }).message,
      /^TENANT_ALLOWLIST must list tenant ids, each a GUID/,
    );
    assert.match(
      errorOf({ SWITCHBOARD_MODE: 'local', PSTN_RESOURCE_ACCOUNT_ID: '+14255550199' }).message,
      /^PSTN_RESOURCE_ACCOUNT_ID must be a GUID/,
    );
  });

  it('never echoes a secret value in an error', () => {
    const e = errorOf({ SWITCHBOARD_MODE: 'local', DATABASE_URL: 'mysql://user:hunter2@db' });
    assert.doesNotMatch(e.message, /hunter2/);
  });

  it('parses TENANT_ALLOWLIST into a frozen list', () => {
    const c = readConfig({
      SWITCHBOARD_MODE: 'local',
      TENANT_ALLOWLIST: ` ${TEAMS.MicrosoftAppTenantId} , ${TEAMS.MicrosoftAppId}`,
    });
    assert.deepEqual(c.TENANT_ALLOWLIST, [TEAMS.MicrosoftAppTenantId, TEAMS.MicrosoftAppId]);
    assert.ok(Object.isFrozen(c.TENANT_ALLOWLIST));
  });

  it('treats empty variables as unset', () => {
    assert.equal(readConfig({ SWITCHBOARD_MODE: 'local', PORT: '', DATABASE_URL: '' }).PORT, 3978);
  });

  it('describes each value with its source and redacts secrets', () => {
    const c = readConfig({ ...TEAMS, DATABASE_URL: 'postgres://u:p@h/db' });
    const d = describeConfig(c, { MicrosoftAppPassword: '.env', PUBLIC_URL: 'environment' });
    assert.deepEqual(d.MicrosoftAppPassword, { value: '[redacted]', source: '.env' });
    assert.equal(d.DATABASE_URL?.value, '[redacted]');
    assert.deepEqual(d.PUBLIC_URL, { value: 'https://switchboard.example.com/', source: 'environment' });
    assert.deepEqual(d.PORT, { value: 3978, source: 'default' });
    assert.deepEqual(d.EXTRA_CA_FILE, { value: undefined, source: 'unset' });
  });

  it('.env.example lists exactly the variables readConfig reads', () => {
    const example = parseEnvFile(readFileSync(path.resolve(__dirname, '../../../.env.example'), 'utf8'));
    assert.deepEqual(Object.keys(example).sort(), [...CONFIG_KEYS].sort());
  });
});

describe('parseEnvFile', () => {
  it('reads comments, quotes, export prefixes and trailing comments', () => {
    const parsed = parseEnvFile('# c\nexport A=1\nB="two words"\nC=\'x#y\'\nD=plain # note\n\nbad line\nE=');
    assert.deepEqual(parsed, { A: '1', B: 'two words', C: 'x#y', D: 'plain', E: '' });
  });

  it('skips lines that are not KEY=VALUE without losing the next variable, and reads multi-line values', () => {
    const parsed = parseEnvFile('not a setting\nexport F=6\r\n1G=7\nH="first\nsecond"\nI=9');
    assert.deepEqual(parsed, { F: '6', H: 'first\nsecond', I: '9' });
  });

  it('speech: a key with a region or an endpoint, checked together; the key is a secret', () => {
    const local = (env: Record<string, string>) => readConfig({ SWITCHBOARD_MODE: 'local', ...env });
    const c = local({ SPEECH_REGION: 'westeurope', SPEECH_KEY: 'k' });
    assert.equal(c.SPEECH_LANGUAGE, 'en-US');
    assert.match(
      errorOf({ SWITCHBOARD_MODE: 'local', SPEECH_REGION: 'westeurope' }).message,
      /^SPEECH_KEY is required/,
    );
    assert.match(
      errorOf({ SWITCHBOARD_MODE: 'local', SPEECH_KEY: 'k' }).message,
      /^SPEECH_REGION or SPEECH_ENDPOINT is required/,
    );
    assert.match(
      errorOf({ SWITCHBOARD_MODE: 'local', SPEECH_REGION: 'West Europe' }).message,
      /^SPEECH_REGION must be an Azure region/,
    );
    assert.match(
      errorOf({ SWITCHBOARD_MODE: 'local', SPEECH_LANGUAGE: 'english' }).message,
      /^SPEECH_LANGUAGE must be a locale/,
    );
    const described = JSON.stringify(describeConfig(c, {}));
    assert.ok(!described.includes('"k"'), 'the key is redacted');
  });
});
