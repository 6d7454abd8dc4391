// Call and participant objects as the emulator's engine holds them (full Graph call shape, nulls and all),
// with fresh ids each time, for building notifications in tests.
import { randomUUID } from 'node:crypto';

type Json = Record<string, unknown>;
const TENANT = randomUUID();
const BOT_APP = randomUUID();

export function userIdentity(opts: { tenantId?: boolean; provider?: boolean } = {}): Json {
  const user: Json = {
    '@odata.type': '#microsoft.graph.identity',
    id: randomUUID(),
    displayName: 'Megan Bowen',
  };
  if (opts.tenantId !== false) user.tenantId = TENANT;
  if (opts.provider) user.identityProvider = 'AAD';
  return { '@odata.type': '#microsoft.graph.identitySet', user };
}

export function botIdentity(): Json {
  return {
    '@odata.type': '#microsoft.graph.identitySet',
    application: { '@odata.type': '#microsoft.graph.identity', id: BOT_APP, displayName: 'Switchboard' },
  };
}

/** A P2P call from a Teams user to the bot, with every property the engine keeps. */
export function fullCall(over: Json = {}): Json {
  const botParticipant = randomUUID();
  return {
    '@odata.type': '#microsoft.graph.call',
    id: randomUUID(),
    state: 'incoming',
    direction: 'incoming',
    callbackUri: 'https://127.0.0.1:3978/api/calls',
    source: {
      '@odata.type': '#microsoft.graph.participantInfo',
      id: randomUUID(),
      identity: userIdentity({ provider: true }),
      endpointType: 'default',
      region: 'amer',
      languageId: 'en-GB',
    },
    targets: [
      {
        '@odata.type': '#microsoft.graph.invitationParticipantInfo',
        id: botParticipant,
        identity: botIdentity(),
        endpointType: 'default',
      },
    ],
    requestedModalities: ['audio'],
    activeModalities: [],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig', preFetchMedia: [] },
    routingPolicies: [],
    tenantId: TENANT,
    myParticipantId: botParticipant,
    callChainId: randomUUID(),
    subject: null,
    resultInfo: null,
    answeredBy: null,
    chatInfo: null,
    meetingInfo: null,
    mediaState: { '@odata.type': '#microsoft.graph.callMediaState', audio: 'active' },
    toneInfo: null,
    transcription: null,
    ringingTimeoutInSeconds: null,
    ...over,
  };
}

/** A call from a phone number to the bot's resource account. */
export function pstnCall(): Json {
  const botParticipant = randomUUID();
  return fullCall({
    source: {
      '@odata.type': '#microsoft.graph.participantInfo',
      identity: {
        '@odata.type': '#microsoft.graph.identitySet',
        phone: { '@odata.type': '#microsoft.graph.identity', id: '+14255550123' },
      },
      endpointType: 'default',
      region: 'amer',
    },
    targets: [
      {
        '@odata.type': '#microsoft.graph.invitationParticipantInfo',
        identity: {
          '@odata.type': '#microsoft.graph.identitySet',
          applicationInstance: {
            '@odata.type': '#microsoft.graph.identity',
            id: randomUUID(),
            displayName: 'Front desk',
            tenantId: TENANT,
          },
        },
        endpointType: 'default',
        id: botParticipant,
        region: 'amer',
        languageId: null,
      },
    ],
    myParticipantId: botParticipant,
  });
}

/** The bot invited into a group call (meeting). */
export function groupCall(): Json {
  return fullCall({
    source: {
      '@odata.type': '#microsoft.graph.participantInfo',
      identity: userIdentity({ tenantId: false }),
      region: 'amer',
    },
    targets: [{ '@odata.type': '#microsoft.graph.invitationParticipantInfo', identity: botIdentity() }],
    chatInfo: {
      '@odata.type': '#microsoft.graph.chatInfo',
      threadId: '19:meeting_abc@thread.v2',
      messageId: '0',
    },
    meetingInfo: { '@odata.type': '#microsoft.graph.tokenMeetingInfo', token: 'join-token' },
  });
}

/** A roster entry for a Teams user (full info, labelled audio plus video) or the bot (bare). */
export function participant(who: 'user' | 'bot'): Json {
  const stream = (mediaType: string, sourceId: string, label?: string): Json => ({
    '@odata.type': '#microsoft.graph.mediaStream',
    mediaType,
    ...(label ? { label } : {}),
    sourceId,
    direction: mediaType === 'audio' ? 'sendReceive' : 'receiveOnly',
    serverMuted: false,
  });
  const info: Json =
    who === 'user'
      ? { identity: userIdentity(), endpointType: 'default', region: 'amer', languageId: 'en-GB' }
      : { identity: botIdentity() };
  return {
    id: randomUUID(),
    info: { '@odata.type': '#microsoft.graph.participantInfo', ...info },
    mediaStreams:
      who === 'user' ? [stream('audio', '1', 'main-audio'), stream('video', '2')] : [stream('audio', '3')],
    isMuted: who === 'user',
    isInLobby: false,
    rosterSequenceNumber: 4,
  };
}
