import assert from 'node:assert/strict';
import path from 'node:path';
import { readConfig } from '../../../server';
import {
  REQUIRED_GRAPH_ROLES,
  accessPolicyCheck,
  configCheck,
  entraTokenCheck,
  graphPermissionsCheck,
  manifestCheck,
  missingRoles,
  promptsCheck,
  type DoctorContext,
  type HttpAnswer,
  type HttpClient,
} from '../../../manifest';

const ROOT = path.join(__dirname, '../../..');
const PROMPTS = path.join(__dirname, '../../fixtures/manifest/prompts');
const TEAMS = {
  SWITCHBOARD_MODE: 'teams',
  MicrosoftAppId: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: '7c1f0d2a-1111-2222-3333-444455559f11',
  PUBLIC_URL: 'https://switchboard.example.com',
};
const USER = '86528ee4-da06-4aa2-9aed-32e626300172';

/** A fake network: answers by "METHOD url-prefix", records what was asked. */
function fakeHttp(routes: Record<string, HttpAnswer>): HttpClient & { asked: string[] } {
  const asked: string[] = [];
  const client = async (url: string, req: { method?: string } = {}) => {
    const key = `${req.method ?? 'GET'} ${url}`;
    asked.push(key);
    const hit = Object.entries(routes).find(([k]) => key.startsWith(k));
    if (!hit) throw Object.assign(new Error(`connect ECONNREFUSED for ${url}`), { code: 'ECONNREFUSED' });
    return hit[1];
  };
  return Object.assign(client, { asked });
}

const json = (status: number, body: unknown): HttpAnswer => ({
  status,
  headers: {},
  text: JSON.stringify(body),
});
const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

function ctx(
  env: Record<string, string>,
  http: HttpClient = fakeHttp({}),
  extra: Partial<DoctorContext> = {},
): DoctorContext {
  return { cwd: ROOT, root: ROOT, env, http, commands: () => [], ...extra };
}

describe('doctor checks', () => {
  describe('configuration', () => {
    it('passes a teams configuration and shares it', async () => {
      const c = ctx(TEAMS);
      const f = await configCheck.run(c);
      assert.equal(f.status, 'ok');
      assert.equal(c.config?.MicrosoftAppId, TEAMS.MicrosoftAppId);
    });

    it('names the missing variable and where to set it', async () => {
      const { MicrosoftAppPassword: _, ...env } = TEAMS;
      const f = await configCheck.run(ctx(env));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /MicrosoftAppPassword is required/);
      assert.match(f.fix ?? '', /Set MicrosoftAppPassword in \.env/);
    });

    it('refuses an unreadable EXTRA_CA_FILE', async () => {
      const f = await configCheck.run(ctx({ ...TEAMS, EXTRA_CA_FILE: '/nonexistent/ca.pem' }));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /EXTRA_CA_FILE/);
    });
  });

  describe('app token', () => {
    const tokenUrl = `POST https://login.microsoftonline.com/${TEAMS.MicrosoftAppTenantId}/oauth2/v2.0/token`;

    it('gets a token and keeps its roles', async () => {
      const http = fakeHttp({
        [tokenUrl]: json(200, { access_token: jwt({ roles: ['Calls.Initiate.All'], tid: 't' }) }),
      });
      const c = ctx(TEAMS, http, { config: readConfig(TEAMS) });
      const f = await entraTokenCheck.run(c);
      assert.equal(f.status, 'ok');
      assert.deepEqual(c.token?.roles, ['Calls.Initiate.All']);
    });

    it('turns AADSTS7000215 into "the secret is wrong"', async () => {
      const http = fakeHttp({
        [tokenUrl]: json(401, {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: x',
          error_codes: [7000215],
        }),
      });
      const f = await entraTokenCheck.run(ctx(TEAMS, http, { config: readConfig(TEAMS) }));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /AADSTS7000215: Invalid client secret provided\.$/);
      assert.match(f.fix ?? '', /MicrosoftAppPassword is wrong.*Value \(not its Secret ID\)/);
    });

    it('says what to do when Entra ID cannot be reached', async () => {
      const f = await entraTokenCheck.run(ctx(TEAMS, fakeHttp({}), { config: readConfig(TEAMS) }));
      assert.equal(f.status, 'fail');
      assert.match(f.fix ?? '', /nothing listens there/);
    });

    it('is skipped without a configuration', async () => {
      assert.equal((await entraTokenCheck.run(ctx(TEAMS))).status, 'skip');
    });
  });

  describe('Graph permissions', () => {
    it('lists each missing role with what it is for, spelled as Graph spells it', async () => {
      const all = REQUIRED_GRAPH_ROLES.map((r) => r.role);
      const granted = all.filter(
        (r) => r !== 'Calls.AccessMedia.All' && r !== 'OnlineMeetings.ReadWrite.All',
      );
      const f = await graphPermissionsCheck.run(
        ctx(TEAMS, undefined, { token: { accessToken: 'x', roles: granted } }),
      );
      assert.equal(f.status, 'fail');
      assert.deepEqual(
        f.details?.map((d) => d.split(':')[0]),
        ['Calls.AccessMedia.All', 'OnlineMeetings.ReadWrite.All'],
      );
      assert.match(f.fix ?? '', /Grant admin consent/);
      assert.deepEqual(missingRoles(all), []);
    });

    it('asks for OnlineMeetingArtifact.Read.All, which attendance reports need', async () => {
      const before = REQUIRED_GRAPH_ROLES.map((r) => r.role).filter(
        (r) => r !== 'OnlineMeetingArtifact.Read.All',
      );
      const f = await graphPermissionsCheck.run(
        ctx(TEAMS, undefined, { token: { accessToken: 'x', roles: before } }),
      );
      assert.equal(f.status, 'fail');
      assert.deepEqual(f.details?.length, 1);
      assert.match(f.details?.[0] ?? '', /^OnlineMeetingArtifact\.Read\.All: .*attend/);
    });

    it('passes when every role is there', async () => {
      const roles = REQUIRED_GRAPH_ROLES.map((r) => r.role);
      const f = await graphPermissionsCheck.run(
        ctx(TEAMS, undefined, { token: { accessToken: 'x', roles } }),
      );
      assert.equal(f.status, 'ok');
    });
  });

  describe('application access policy', () => {
    const config = readConfig(TEAMS);
    const token = { accessToken: 'tok', roles: ['OnlineMeetings.ReadWrite.All'] };
    const create = `POST https://graph.microsoft.com/v1.0/users/${USER}/onlineMeetings/createOrGet`;

    it('a 403 naming the policy fails with the PowerShell steps', async () => {
      const http = fakeHttp({
        [create]: json(403, {
          error: { code: 'Forbidden', message: 'No application access policy found for this app.' },
        }),
      });
      const f = await accessPolicyCheck.run(ctx(TEAMS, http, { config, token, user: USER }));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /no application access policy/);
      assert.match(
        f.fix ?? '',
        /New-CsApplicationAccessPolicy -Identity Switchboard-Meetings -AppIds "3f1c2d4e/,
      );
      assert.match(f.fix ?? '', new RegExp(`Grant-CsApplicationAccessPolicy .*-Identity "${USER}"`));
    });

    it('a created or found meeting passes', async () => {
      const http = fakeHttp({ [create]: json(201, { id: 'm1' }) });
      const f = await accessPolicyCheck.run(ctx(TEAMS, http, { config, token, user: USER }));
      assert.equal(f.status, 'ok');
    });

    it('resolves a UPN, or picks the first user without --user', async () => {
      const http = fakeHttp({
        'GET https://graph.microsoft.com/v1.0/users/adele%40contoso.example': json(200, { id: USER }),
        'GET https://graph.microsoft.com/v1.0/users?$top=1': json(200, { value: [{ id: USER }] }),
        [create]: json(200, { id: 'm1' }),
      });
      assert.equal(
        (await accessPolicyCheck.run(ctx(TEAMS, http, { config, token, user: 'adele@contoso.example' })))
          .status,
        'ok',
      );
      assert.equal((await accessPolicyCheck.run(ctx(TEAMS, http, { config, token }))).status, 'ok');
      assert.equal(http.asked.filter((a) => a.startsWith(create)).length, 2);
    });

    it('an unexplained answer does not pass', async () => {
      const http = fakeHttp({
        [create]: json(400, {
          error: { code: 'BadRequest', message: "Resource not found for the segment 'createOrGet'." },
        }),
      });
      const f = await accessPolicyCheck.run(ctx(TEAMS, http, { config, token, user: USER }));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /could not confirm/);
    });

    it('is skipped without the meetings permission', async () => {
      const f = await accessPolicyCheck.run(
        ctx(TEAMS, fakeHttp({}), { config, token: { accessToken: 't', roles: [] } }),
      );
      assert.equal(f.status, 'skip');
    });
  });

  describe('manifest', () => {
    const commands = () => [{ title: 'help', description: 'This list.', scopes: ['personal' as const] }];

    it('builds and validates the package in memory', async () => {
      const f = await manifestCheck.run(ctx(TEAMS, undefined, { commands }));
      assert.equal(f.status, 'ok', f.details?.join('\n'));
      assert.match(f.summary, /manifest 1\.30 validates .*1 command entries/);
    });

    it('lists every problem with its field', async () => {
      const f = await manifestCheck.run(ctx({ ...TEAMS, MicrosoftAppId: 'x' }, undefined, { commands }));
      assert.equal(f.status, 'fail');
      assert.deepEqual(f.details?.map((d) => d.split(':')[0]).sort(), [
        'bots[0].botId',
        'id',
        'webApplicationInfo.id',
      ]);
    });

    it("fails (rather than crashing) when the bot's commands cannot be read", async () => {
      const broken = () => {
        throw new Error('no catalog');
      };
      const f = await manifestCheck.run(ctx(TEAMS, undefined, { commands: broken }));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /the bot's commands cannot be read: no catalog/);
    });
  });

  describe('prompts', () => {
    it('passes 16 kHz mono 16-bit PCM prompts', async () => {
      const f = await promptsCheck.run(ctx({ PROMPTS_DIR: path.join(PROMPTS, 'good') }));
      assert.equal(f.status, 'ok');
      assert.match(f.summary, /2 prompts/);
    });

    it('fails on a prompt Graph cannot play, naming the file, the problem and the conversion', async () => {
      const f = await promptsCheck.run(ctx({ PROMPTS_DIR: path.join(PROMPTS, 'bad') }));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /float\.wav is not PCM \(format code 3\)/);
      assert.match(f.summary, /16 kHz mono 16-bit PCM WAV; convert with/);
    });

    it('fails when the folder is missing and checks the prompts are served at PUBLIC_URL', async () => {
      assert.equal((await promptsCheck.run(ctx({ PROMPTS_DIR: '/nonexistent/prompts' }))).status, 'fail');
      const env = { ...TEAMS, PROMPTS_DIR: path.join(PROMPTS, 'good') };
      const http = fakeHttp({
        'GET https://switchboard.example.com/prompts/goodbye.wav': { status: 404, headers: {}, text: '' },
      });
      const f = await promptsCheck.run(ctx(env, http, { config: readConfig(env) }));
      assert.equal(f.status, 'fail');
      assert.match(f.summary, /answered 404/);
    });
  });
});
