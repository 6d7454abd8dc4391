import { BotError } from './errors';
import type { BotPorts } from './ports';

function unavailable(what: string): () => Promise<never> {
  return () =>
    Promise.reject(
      new BotError(
        'not_configured',
        `${what} is not set up in this deployment.`,
        'Ask your Switchboard administrator to configure the calling module (see the README).',
        'Not available here',
      ),
    );
}

/** Ports for a deployment without the calling module: every request is answered with a clear error card. */
export function unavailablePorts(): BotPorts {
  const calls = unavailable('Calling');
  return {
    calls: {
      placeCall: calls,
      placeGroupCall: calls,
      connect: calls,
      hangUp: calls,
      muteParticipant: calls,
      invite: calls,
      transfer: calls,
      listLive: calls,
      get: async () => undefined,
      joinMeeting: calls,
      subscribe: () => () => undefined,
    },
    meetings: {
      create: unavailable('Creating meetings'),
      get: async () => undefined,
      inConversation: async () => [],
      organizedBy: async () => [],
      move: unavailable('Changing meetings'),
      cancel: unavailable('Changing meetings'),
      subscribe: () => () => undefined,
    },
    people: { search: unavailable('The directory'), getById: unavailable('The directory') },
    presence: { getMany: unavailable('Presence') },
    reminders: {
      schedule: unavailable('Reminders'),
      list: unavailable('Reminders'),
      cancel: unavailable('Reminders'),
    },
    frontDesk: { listRules: unavailable('The front desk'), setEnabled: unavailable('The front desk') },
    queues: {
      list: unavailable('Call queues'),
      board: unavailable('Call queues'),
      setSignedIn: unavailable('Call queues'),
      subscribe: () => () => undefined,
    },
  };
}
