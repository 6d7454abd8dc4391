// What the control API reaches into: the call service, the fault switches and the clock.
import type { Clock } from '../clock';
import type { GraphFaults } from '../http';
import type { GraphService } from '../graph';
import type { DeliveryFaults } from '../notify';
import type { PresenceService } from '../presence';
import type { ReactionRecorder } from '../reactions';
import type { AttendanceTracker, MeetingStore } from '../meetings';
import type { RecordStore } from '../records';
import type { SubscriptionService } from '../subscriptions';
import type { SpeechService } from '../speech';

export interface ControlDeps {
  svc: GraphService;
  clock: Clock;
  graphFaults: GraphFaults;
  notificationFaults: { setFaults(f: DeliveryFaults): void; getFaults(): Required<DeliveryFaults> };
  publicBase: () => string;
  /** Presence (own states, app sessions); the presence endpoints answer 404 without it. */
  presence?: PresenceService;
  /** Online meetings (seeded and created); GET /emulator/meetings answers 404 without them. */
  meetings?: MeetingStore;
  /** Who joined each meeting and for how long; the attendance endpoint answers 404 without it. */
  attendance?: AttendanceTracker;
  /** Call records (pending and published); the records endpoints answer 404 without them. */
  records?: RecordStore;
  /** Change-notification subscriptions; GET /emulator/subscriptions answers 404 without them. */
  subscriptions?: SubscriptionService;
  /** Reaction times of the apps; the reactions endpoints answer 404 without it. */
  reactions?: ReactionRecorder;
  /** Azure AI Speech as the emulator serves it; the speech endpoints answer 404 without it. */
  speech?: SpeechService;
  /** Extra reset steps owned by main (e.g. dropping queued notifications). */
  onReset?: () => void;
}
