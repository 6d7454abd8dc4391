// The emulator's control API in process: a call service on an emulated clock and the seeded tenant,
// its control routes, and a way to call them as the HTTP layer would (no server, no CSDL needed).
import path from 'node:path';
import { createClock, type Clock } from '../../emulator/clock';
import { controlRoutes, type ControlDeps } from '../../emulator/control';
import type { CsdlModel } from '../../emulator/csdl';
import { createGraphService, type DeliverFn, type GraphService, type MediaPort } from '../../emulator/graph';
import { startP2P } from '../../emulator/graph/call-flows';
import type { CallRec } from '../../emulator/graph/model';
import { GraphFaults, type HttpResponse } from '../../emulator/http';
import { Directory, loadTenant } from '../../emulator/people';
import { appCallRecord } from './emulator-call';
import { callRoute } from './route-call';

/** The seeded tenant every control test starts from. */
export const seed = loadTenant(path.resolve(__dirname, '../../emulator/seed/tenant.json'));

export interface ControlFixtureOptions {
  /** Where the emulated clock starts. */
  readonly now: number;
  /** Where the service's notifications go (nowhere by default). */
  readonly deliver?: DeliverFn;
  /** How prompts are fetched (every fetch fails by default: nothing in these tests plays one). */
  readonly fetchPrompt?: MediaPort['fetchPrompt'];
  /** Control dependencies beyond the service and its clock (faults, reactions...). */
  readonly deps?: Partial<Omit<ControlDeps, 'svc' | 'clock'>>;
}

export interface ControlFixture {
  readonly clock: Clock;
  readonly svc: GraphService;
  readonly graphFaults: GraphFaults;
  /** Calls a control route; a GraphError comes back as the answer the HTTP layer would give. */
  control(method: string, path: string, body?: unknown): Promise<HttpResponse>;
  /** The app rings `personId` in a 1:1 call; the person's script answers (or not) as the clock moves. */
  ringPerson(personId: string): CallRec;
}

const noFaults = {
  setFaults: () => undefined,
  getFaults: () => ({ drop: 0, duplicate: 0, reorder: 0, endpointDown: false }),
};

/** A call service and its control routes on an emulated clock starting at `opts.now`. */
export function controlFixture(opts: ControlFixtureOptions): ControlFixture {
  const clock = createClock(() => opts.now);
  const publicBase = () => 'https://localhost:3979';
  const svc = createGraphService({
    clock,
    directory: new Directory(seed),
    deliver: opts.deliver ?? (() => undefined),
    settings: { promptSpeed: 1, incomingTimeoutMs: 15_000, ringTimeoutMs: 60_000 },
    publicBase,
    log: () => undefined,
    csdl: {} as CsdlModel,
    media: {
      fetchPrompt: opts.fetchPrompt ?? (async () => ({ ok: false, reason: 'unused' })),
      synthesizeSpeechWav: () => Buffer.alloc(0),
    },
  });
  const graphFaults = opts.deps?.graphFaults ?? new GraphFaults();
  const routes = controlRoutes({
    notificationFaults: noFaults,
    publicBase,
    ...opts.deps,
    graphFaults,
    svc,
    clock,
  });

  const control = (method: string, p: string, body?: unknown): Promise<HttpResponse> =>
    callRoute(routes, method, new URL(p, 'http://emulator.invalid'), body);

  function ringPerson(personId: string): CallRec {
    const call = appCallRecord(svc.engine, { remotePersonId: personId });
    startP2P(svc.engine, call, svc.engine.directory.person(personId), svc.actions);
    return call;
  }

  return { clock, svc, graphFaults, control, ringPerson };
}
