// The host page's protocol module (a browser script) run in a VM context: the flat context it answers
// getContext with in a team channel, a meeting and a personal tab, and meeting details outside a meeting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

type Protocol = {
  buildContext(s: unknown): Record<string, unknown>;
  meetingDetailsArgs(s: unknown): unknown[];
  frameContextOf(choice: string): string;
};

function loadProtocol(): Protocol {
  const file = path.resolve(__dirname, '../../../../emulator/host/page/protocol.js');
  const sandbox = { btoa: (s: string) => Buffer.from(s, 'binary').toString('base64') } as Record<
    string,
    unknown
  >;
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox);
  return sandbox.TeamsHostProtocol as Protocol;
}

const person = { id: 'u1', userPrincipalName: 'adele@contoso.example', displayName: 'Adele' };
const team = {
  id: 'group-1',
  internalId: '19:abc@thread.tacv2',
  displayName: 'Sales',
  channels: [{ id: '19:abc@thread.tacv2', displayName: 'General' }],
};
const meeting = { threadId: '19:meeting_x@thread.v2', subject: 'Stand-up' };
const base = {
  person,
  tenantId: 't1',
  theme: 'default',
  sessionId: 's1',
  team,
  channel: team.channels[0],
  meeting,
};

describe('emulator host page: teams-js context', () => {
  const P = loadProtocol();

  it('puts the team and channel into a team channel context, in a content frame', () => {
    const ctx = P.buildContext({ ...base, context: 'teamChannel' });
    assert.equal(ctx.frameContext, 'content');
    assert.equal(ctx.hostName, 'Teams');
    assert.equal(ctx.groupId, 'group-1');
    assert.equal(ctx.teamId, '19:abc@thread.tacv2');
    assert.equal(ctx.teamName, 'Sales');
    assert.equal(ctx.channelId, '19:abc@thread.tacv2');
    assert.equal(ctx.channelName, 'General');
    assert.equal(ctx.meetingId, undefined);
    assert.equal(ctx.chatId, undefined);
  });

  it('keeps team fields out of personal and meeting contexts', () => {
    for (const context of ['personal', 'meetingSidePanel', 'meetingChatTab']) {
      const ctx = P.buildContext({ ...base, context });
      assert.equal(ctx.groupId, undefined, context);
      assert.equal(ctx.channelId, undefined, context);
    }
    assert.equal(P.buildContext({ ...base, context: 'meetingChatTab' }).chatId, meeting.threadId);
    assert.equal(P.buildContext({ ...base, context: 'personal' }).chatId, undefined);
  });

  it('refuses meeting details in a team channel, as outside any meeting', () => {
    const [err, details] = P.meetingDetailsArgs({ ...base, context: 'teamChannel' });
    assert.equal((err as { errorCode: number }).errorCode, 100);
    assert.equal(details, null);
    assert.equal(P.frameContextOf('teamChannel'), 'content');
  });
});
