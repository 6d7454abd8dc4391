// The calling core as its tests run it: the app's identity and URLs, a fresh SQLite store and a fake
// Graph for every test, the service started before the test and stopped (then its store removed) after
// it; and calls brought to a state by Graph's notifications.
import { createCallingService, type CallingService, type CallingServiceOptions } from '../../calling/core';
import type { CallingStorage } from '../../calling';
import type { Store } from '../../store';
import {
  batch,
  callNote,
  fakeGraph,
  tempStore,
  testLogger,
  TENANT,
  type FakeGraph,
} from '../unit/calling/core/fakes';

export const APP_ID = '0b6e2f4c-93d1-4f7a-8e25-c4a1d9e7b302';
/** The id of the call most tests use. */
export const CALL_ID = 'c0ffee00-1111-4222-8333-444455556666';
/** Who calls the app in an incoming call. */
export const CALLER = { user: { id: 'a3f5c7e9-1b2d-4c6e-8f0a-b1c3d5e7f902', displayName: 'Lee Gu' } };

/** What a test may set beyond the shared options (timing, clock, prompt resource ids...). */
export type ServiceExtras = Partial<Omit<CallingServiceOptions, 'store' | 'graph'>>;

/** The options every test's calling service shares, with the test's own on top. */
export function serviceOptions(
  store: CallingStorage,
  graph: FakeGraph,
  extras: ServiceExtras = {},
): CallingServiceOptions {
  return {
    store,
    graph,
    logger: testLogger(),
    appId: APP_ID,
    tenantId: TENANT,
    callbackUrl: 'https://app.example/api/calls',
    promptsBaseUrl: 'https://app.example/prompts',
    ...extras,
  };
}

export interface ServiceFixture {
  readonly service: CallingService;
  readonly graph: FakeGraph;
  readonly store: Store;
}

/**
 * A started calling service for every test of the suite. `setUp` runs on each test's fake Graph before
 * the service is made (to hold requests back, say) and may return options of the test's own.
 */
export function eachCallingService(
  setUp: (graph: FakeGraph) => ServiceExtras | void = () => undefined,
): ServiceFixture {
  let current: (ServiceFixture & { close(): Promise<void> }) | undefined;
  beforeEach(async () => {
    const { store, close } = await tempStore();
    const graph = fakeGraph();
    const service = createCallingService(serviceOptions(store, graph, setUp(graph) ?? {}));
    await service.start();
    current = { service, graph, store, close };
  });
  afterEach(async () => {
    const done = current;
    current = undefined;
    if (!done) return;
    try {
      await done.service.stop();
    } finally {
      await done.close();
    }
  });
  const now = (): ServiceFixture => {
    if (!current) throw new Error('the calling service exists only while a test runs');
    return current;
  };
  return {
    get service() {
      return now().service;
    },
    get graph() {
      return now().graph;
    },
    get store() {
      return now().store;
    },
  };
}

/** An incoming call from CALLER, brought by Graph's notifications to `state`; resolves with its id. */
export async function incomingCall(
  service: CallingService,
  state: 'incoming' | 'established',
  id = CALL_ID,
): Promise<string> {
  await service.inbox.accept(
    batch(callNote(id, 'incoming', { direction: 'incoming', source: { identity: CALLER } }, 'created')),
  );
  if (state === 'established') await service.inbox.accept(batch(callNote(id, 'established')));
  await service.waitForState(id, state, 3000);
  return id;
}
