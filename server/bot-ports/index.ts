// The bot's ports over the calling module: calls and meetings through the call model, people, presence
// and online meetings through Graph. Reminders and the front desk come from the calling flows when the
// deployment has them; until then the bot says they are not set up.
import { unavailablePorts, type BotPorts } from '../../bot';
import type { BoardWatch, CallSource, ClickToCall, FrontDesk, QueueBoards } from '../../calling';
import type { QueueStore } from '../../calling';
import { createCallsPort } from './calls-port';
import { createFrontDeskPort } from './frontdesk-port';
import { createMeetingsPort } from './meetings-port';
import { createPeoplePort } from './people-port';
import { createPresencePort } from './presence-port';
import { createQueuesPort } from './queues-port';
import { createRemindersPort, type ReminderCalls } from './reminders-port';
import type {
  CallModel,
  DirectoryApi,
  MeetingBook,
  MeetingsApi,
  NotesStore,
  PortsLogger,
  PresenceApi,
} from './types';

export { PortError, toPortError } from './port-error';
export type {
  CallModel,
  DirectoryApi,
  MeetingBook,
  MeetingsApi,
  NotesStore,
  PortsLogger,
  PresenceApi,
} from './types';

export interface BotPortsOptions {
  readonly calling: CallModel;
  readonly graph: {
    readonly users: DirectoryApi;
    readonly presence: PresenceApi;
    readonly meetings: MeetingsApi;
  };
  /** The meetings Switchboard created (shared with the tab). */
  readonly meetings: MeetingBook;
  /** Where switched-off front desk rules are kept (the store's key-value table). */
  readonly kv: NotesStore;
  readonly logger: PortsLogger;
  readonly pstnSource?: CallSource;
  /** Click-to-call behind `connect`. */
  readonly clickToCall?: Pick<ClickToCall, 'connect'>;
  /** Reminder calls behind the reminders port. */
  readonly reminders?: ReminderCalls;
  /** The front desk whose rules the bot lists and switches. */
  readonly frontDesk?: Pick<FrontDesk, 'current' | 'update'>;
  /** The call queues' boards and their watcher, when queues are configured. */
  readonly queues?: {
    readonly boards: QueueBoards;
    readonly watch: BoardWatch;
    readonly store: Pick<QueueStore, 'setSignedIn'>;
  };
}

/** Everything the bot talks to, and `close` to stop following calls. */
export function createBotPorts(opts: BotPortsOptions): { ports: BotPorts; close(): void } {
  const calls = createCallsPort({
    calling: opts.calling,
    logger: opts.logger,
    ...(opts.pstnSource ? { pstnSource: opts.pstnSource } : {}),
    ...(opts.clickToCall ? { clickToCall: opts.clickToCall } : {}),
  });
  const missing = unavailablePorts();
  return {
    ports: {
      calls,
      meetings: createMeetingsPort(opts.graph.meetings, opts.meetings),
      people: createPeoplePort(opts.graph.users),
      presence: createPresencePort(opts.graph.presence),
      reminders: opts.reminders
        ? createRemindersPort({
            reminders: opts.reminders,
            ...(opts.pstnSource ? { pstnSource: opts.pstnSource } : {}),
          })
        : missing.reminders,
      frontDesk: opts.frontDesk
        ? createFrontDeskPort({ desk: opts.frontDesk, kv: opts.kv, logger: opts.logger })
        : missing.frontDesk,
      queues: opts.queues ? createQueuesPort(opts.queues) : missing.queues,
    },
    close: () => calls.close(),
  };
}
