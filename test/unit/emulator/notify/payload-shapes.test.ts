import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  callNotification,
  callRecordNotification,
  changeNotificationCollection,
  commsEnvelope,
  contentSharingNotification,
  operationNotification,
  participantsNotification,
} from '../../../../emulator/notify';
import type { CommsNotification } from '../../../../emulator/notify';
import { compareShape } from '../../../helpers/shape';
import type { CompareShapeOptions } from '../../../helpers/shape';
import { fullCall, groupCall, participant, pstnCall, userIdentity } from './calls';
import { NOTIFICATIONS } from '../../../helpers/fixtures';

const PAYLOADS = NOTIFICATIONS;
type Json = Record<string, unknown>;

function payload(file: string): Json {
  return JSON.parse(readFileSync(path.join(PAYLOADS, file), 'utf8')) as Json;
}

/** What travels on the wire: undefined keys vanish, as they would in the POST body. */
function wire<T>(v: T): Json {
  return JSON.parse(JSON.stringify(v)) as Json;
}

interface Case {
  build: () => CommsNotification;
  opts?: CompareShapeOptions;
  /** Checks on values that a shape comparison cannot see (id spellings, slashes). */
  also?: (n: Json) => void;
}

const callId = randomUUID();
const opId = randomUUID();

// Quirks of the examples, each reproduced because the real service shows it in its documentation and the
// app must cope with it (SPEC §0.3, §4, §12). Because they are reproduced, no key needs ignoring:
// - playprompt-completed.json writes call and operation ids in paths as 32 upper-case hex digits while
//   resourceData.id stays hyphenated: reproduced for playPrompt completions (checked in `also`);
// - transfer-failed.json spells resultInfo's `subCode`: reproduced for the transfer-failed kind;
// - holdmusic-started.json has resourceUrl/@odata.id without the leading slash: reproduced for hold music.
const CASES: Record<string, Case> = {
  'incoming-call.json': { build: () => callNotification('created', fullCall({ state: 'incoming' })) },
  'incoming-call-pstn.json': { build: () => callNotification('created', pstnCall()) },
  'incoming-group-invite.json': { build: () => callNotification('created', groupCall()) },
  'establishing.json': {
    build: () => callNotification('updated', fullCall({ state: 'establishing', direction: 'outgoing' })),
  },
  'established.json': { build: () => callNotification('updated', fullCall({ state: 'established' })) },
  'terminating.json': { build: () => callNotification('updated', fullCall({ state: 'terminating' })) },
  'terminated.json': {
    build: () =>
      callNotification(
        'deleted',
        fullCall({
          state: 'terminated',
          resultInfo: { code: 200, subcode: 5001, message: 'Ended by the bot.' },
        }),
      ),
  },
  'rejected-deleted.json': { build: () => callNotification('deleted', fullCall({ state: 'incoming' })) },
  'tone-received.json': {
    build: () =>
      callNotification(
        'updated',
        fullCall({ state: 'established', toneInfo: { sequenceId: 9, tone: 'tone7' } }),
      ),
  },
  'transferring.json': { build: () => callNotification('updated', fullCall({ state: 'transferring' })) },
  'transfer-accepted.json': {
    build: () => callNotification('updated', fullCall({ state: 'transferAccepted' })),
  },
  'transfer-completed.json': {
    build: () =>
      callNotification(
        'deleted',
        fullCall({
          state: 'terminated',
          resultInfo: { code: 0, subcode: 7015, message: 'GracefulTransferCompleted' },
        }),
      ),
  },
  'transfer-failed.json': {
    build: () =>
      callNotification(
        'updated',
        fullCall({ state: 'established', resultInfo: { code: 500, subcode: 7700, message: 'Target busy.' } }),
      ),
    also: (n) => assert.equal(get(n, 'value.0.resourceData.resultInfo.subCode'), 7700),
  },
  'playprompt-completed.json': {
    build: () =>
      operationNotification(callId, {
        '@odata.type': '#microsoft.graph.playPromptOperation',
        id: opId,
        clientContext: 'greeting',
        status: 'completed',
        completionReason: 'completedSuccessfully',
        resultInfo: { code: 200, subcode: 0, message: 'Action completed successfully.' },
      }),
    also: (n) => {
      const compact = (id: string) => id.replace(/-/g, '').toUpperCase();
      const url = `/communications/calls/${compact(callId)}/operations/${compact(opId)}`;
      assert.equal(get(n, 'value.0.resourceUrl'), url);
      assert.equal(get(n, 'value.0.resourceData.@odata.id'), url);
      assert.equal(get(n, 'value.0.resourceData.id'), opId);
    },
  },
  'playprompt-cancelled.json': {
    build: () =>
      operationNotification(callId, {
        '@odata.type': '#microsoft.graph.playPromptOperation',
        id: opId,
        clientContext: 'menu',
        status: 'failed',
        completionReason: 'mediaOperationCanceled',
        resultInfo: { code: 400, subcode: 8508, message: 'Operation was cancelled.' },
      }),
    also: (n) =>
      assert.equal(get(n, 'value.0.resourceUrl'), `/communications/calls/${callId}/operations/${opId}`),
  },
  'record-completed.json': {
    build: () =>
      operationNotification(callId, {
        '@odata.type': '#microsoft.graph.recordOperation',
        id: opId,
        clientContext: 'voicemail',
        status: 'completed',
        completionReason: 'maxSilenceTimeout',
        resultInfo: { code: 200, subcode: 8515, message: 'Max silence reached.' },
        recordingLocation: `https://127.0.0.1:3979/emulator/recordings/${randomUUID()}`,
        recordingAccessToken: 'token-abc',
      }),
  },
  'record-cancelled.json': {
    build: () =>
      operationNotification(callId, {
        '@odata.type': '#microsoft.graph.recordOperation',
        id: opId,
        clientContext: 'voicemail',
        status: 'failed',
        completionReason: 'operationCanceled',
        resultInfo: { code: 400, subcode: 8508, message: 'Operation was cancelled.' },
        recordingLocation: null,
        recordingAccessToken: null,
      }),
  },
  'invite-completed.json': {
    build: () =>
      operationNotification(callId, {
        '@odata.type': '#microsoft.graph.inviteParticipantsOperation',
        id: opId,
        clientContext: 'invite',
        status: 'completed',
        resultInfo: null,
        participants: [
          {
            '@odata.type': '#microsoft.graph.invitationParticipantInfo',
            identity: userIdentity({ tenantId: false }),
          },
        ],
      }),
  },
  'senddtmf-completed.json': {
    build: () =>
      operationNotification(callId, {
        '@odata.type': '#microsoft.graph.sendDtmfTonesOperation',
        id: opId,
        clientContext: 'dial',
        status: 'completed',
        completionReason: 'completedSuccessfully',
        resultInfo: { code: 200, subcode: 0, message: 'ok' },
      }),
  },
  'holdmusic-started.json': {
    build: () =>
      operationNotification(callId, {
        '@odata.type': '#microsoft.graph.startHoldMusicOperation',
        id: opId,
        clientContext: 'hold',
        status: 'completed',
        resultInfo: null,
      }),
    also: (n) =>
      assert.equal(get(n, 'value.0.resourceUrl'), `communications/calls/${callId}/operations/${opId}`),
  },
  'participants-updated.json': {
    build: () => participantsNotification(callId, 'updated', [participant('user'), participant('bot')]),
    // The example roster itself holds two element shapes (a user with endpointType/region/languageId and a
    // labelled stream, a bot without): each built participant is held to the example element it resembles.
    opts: { arrays: 'best' },
  },
  'contentsharing-started.json': {
    build: () =>
      contentSharingNotification(callId, 'created', [{ id: randomUUID().replace(/-/g, '').repeat(2) }]),
  },
};

/** Payload files that are not a commsNotifications POST, and what they are instead. */
const NOT_COMMS: Record<string, string> = {
  'create-call-response.json': 'the HTTP 201 body of POST /communications/calls, not a notification',
  'callrecord-created.json': 'a changeNotificationCollection, checked separately below',
};

function get(obj: unknown, dotted: string): unknown {
  const keys = dotted.split('.');
  // '@odata.id' and '@odata.type' contain a dot: glue them back together.
  const parts: string[] = [];
  for (let i = 0; i < keys.length; i++) parts.push(keys[i] === '@odata' ? `@odata.${keys[++i]}` : keys[i]!);
  return parts.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

describe('emulator/notify envelopes match the documented payloads', () => {
  const files = readdirSync(PAYLOADS).filter((f) => f.endsWith('.json'));

  it('covers every commsNotifications payload file', () => {
    for (const f of files) {
      const isComms = payload(f)['@odata.type'] === '#microsoft.graph.commsNotifications';
      if (isComms) assert.ok(CASES[f], `${f} is a commsNotifications POST with no case here`);
      else assert.ok(NOT_COMMS[f], `${f} is neither covered nor explained`);
    }
    assert.ok(Object.keys(CASES).length >= 20);
  });

  for (const [file, c] of Object.entries(CASES)) {
    it(`builds ${file}`, () => {
      const built = wire(commsEnvelope([c.build()]));
      assert.deepEqual(compareShape(built, payload(file), c.opts), []);
      // Real values, not copies of the example's.
      assert.notEqual(JSON.stringify(built), JSON.stringify(payload(file)));
      c.also?.(built);
    });
  }

  it('builds callrecord-created.json with changeNotification', () => {
    const recordId = randomUUID();
    const sub = {
      id: randomUUID(),
      expirationDateTime: '2031-05-01T08:00:00Z',
      clientState: 's3cret',
      tenantId: randomUUID(),
    };
    const built = wire(changeNotificationCollection([callRecordNotification(sub, 'created', recordId)]));
    assert.deepEqual(compareShape(built, payload('callrecord-created.json')), []);
    assert.equal(get(built, 'value.0.resource'), `communications/callRecords/${recordId}`);
    assert.equal(get(built, 'value.0.resourceData.@odata.id'), `communications/callRecords/${recordId}`);
    assert.equal(get(built, 'value.0.clientState'), 's3cret');
  });

  it('finds a real difference when the wrong builder is used', () => {
    // Guards the comparisons above against passing vacuously.
    const wrong = wire(commsEnvelope([callNotification('updated', fullCall({ state: 'establishing' }))]));
    assert.notDeepEqual(compareShape(wrong, payload('incoming-call.json')), []);
    const roster = payload('participants-updated.json');
    assert.notDeepEqual(
      compareShape(roster, roster),
      [],
      "the example roster's elements differ among themselves",
    );
    const bot = wire(commsEnvelope([participantsNotification(callId, 'updated', [participant('bot')])]));
    assert.ok(compareShape(bot, roster).some((d) => d.includes('region: missing')));
  });
});
