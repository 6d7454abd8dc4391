// What the control API reaches into: the call service, the fault switches and the clock.
import type { Clock } from '../clock';
import type { GraphFaults } from '../http';
import type { GraphService } from '../graph';
import type { DeliveryFaults } from '../notify';
import type { PresenceService } from '../presence';

export interface ControlDeps {
  svc: GraphService;
  clock: Clock;
  graphFaults: GraphFaults;
  notificationFaults: { setFaults(f: DeliveryFaults): void; getFaults(): Required<DeliveryFaults> };
  publicBase: () => string;
  /** Presence (own states, app sessions); the presence endpoints answer 404 without it. */
  presence?: PresenceService;
  /** Extra reset steps owned by main (e.g. dropping queued notifications). */
  onReset?: () => void;
}
