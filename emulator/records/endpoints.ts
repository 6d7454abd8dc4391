// The endpoints of call-record sessions and segments: a Teams user's client, a phone reached through
// the PSTN gateway, the app (a bot), and the conference server a group call's participants connect to.
import type { Attendance, Json } from './tracker';

const NS = '#microsoft.graph.callRecords';

function serviceAgent(role: string): Json {
  return { '@odata.type': `${NS}.serviceUserAgent`, headerValue: null, applicationVersion: null, role };
}

/** The participantEndpoint of someone who was in the call. */
export function participantEndpoint(a: Attendance): Json {
  const identity = (a.info.identity ?? {}) as Json;
  const phone = identity.phone !== undefined && identity.user === undefined;
  const userAgent = a.isBot
    ? serviceAgent('customBot')
    : phone
      ? serviceAgent('gateway')
      : {
          '@odata.type': `${NS}.clientUserAgent`,
          headerValue: 'Teams/1.0 (Switchboard emulator; Windows)',
          applicationVersion: null,
          platform: 'windows',
          productFamily: 'teams',
          communicationServiceId: null,
          azureADAppId: null,
        };
  return {
    '@odata.type': `${NS}.participantEndpoint`,
    identity,
    name: null,
    feedback: null,
    userAgent,
  };
}

/** The conference server (audio/video MCU) side of a group call's sessions. */
export function conferenceEndpoint(): Json {
  return { '@odata.type': `${NS}.serviceEndpoint`, userAgent: serviceAgent('skypeForBusinessAudioVideoMcu') };
}
