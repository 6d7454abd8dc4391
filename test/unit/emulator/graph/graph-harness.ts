// The Graph call service and the online meetings in-process for handler tests: the seeded tenant, the
// shipped metadata, the emulated clock, every notification kept with the audience it was signed for,
// attendance followed as main.ts follows it, and requests made as any app of the tenant or as a
// signed-in user (no HTTP, no tokens: the caller is set as the Graph layer would set it).
import assert from 'node:assert/strict';
import path from 'node:path';
import { createClock } from '../../../../emulator/clock';
import type { Clock } from '../../../../emulator/clock';
import { createGraphService, graphRoutes } from '../../../../emulator/graph';
import type { GraphService } from '../../../../emulator/graph';
import type { Caller, HttpResponse, Route } from '../../../../emulator/http';
import { AttendanceTracker, MeetingStore, meetingRoutes } from '../../../../emulator/meetings';
import { Directory, loadTenant } from '../../../../emulator/people';
import type { AppRegistration, Tenant } from '../../../../emulator/people';
import { callRoute } from '../../../helpers/route-call';
import { sharedModel } from '../csdl/shared-model';

export const SEED: Tenant = loadTenant(path.resolve(__dirname, '../../../../emulator/seed/tenant.json'));
export const APP = SEED.apps[0] as AppRegistration;

/** One notification as delivered: where, for which app (the token's audience) and what. */
export interface Delivered {
  url: string;
  aud: string;
  changeType: string;
  resourceUrl: string;
  resourceData: Record<string, unknown> & {
    state?: string;
    resultInfo?: { code: number; subcode: number };
  };
}

export interface Harness {
  clock: Clock;
  svc: GraphService;
  delivered: Delivered[];
  meetings: MeetingStore;
  attendance: AttendanceTracker;
  /** A Graph request (path under /v1.0, query allowed) as the app; a GraphError becomes its status and error body. */
  graph(appId: string, method: string, p: string, body?: unknown): Promise<HttpResponse>;
  /** The same as a signed-in user holding the delegated scopes (through the seeded app). */
  graphAs(userId: string, scopes: string[], method: string, p: string, body?: unknown): Promise<HttpResponse>;
  /** Registers another app in the tenant (as PUT /emulator/apps/{id} does). */
  addApp(app: Partial<AppRegistration> & { appId: string }): AppRegistration;
  stop(): void;
}

/** A fresh call service over the seeded tenant. */
export function graphHarness(
  settings: { incomingTimeoutMs?: number; idStyle?: 'guid' | 'compact-upper' } = {},
): Harness {
  const clock = createClock(() => 1_000_000);
  const directory = new Directory(SEED);
  const delivered: Delivered[] = [];
  const observed: { attendance?: AttendanceTracker } = {};
  const svc = createGraphService({
    clock,
    directory,
    deliver: (url, body, meta) => {
      for (const n of (body as { value: Omit<Delivered, 'url' | 'aud'>[] }).value)
        delivered.push({ url, aud: meta.aud, ...n });
    },
    settings: {
      promptSpeed: 1,
      incomingTimeoutMs: settings.incomingTimeoutMs ?? 15_000,
      ringTimeoutMs: 60_000,
      ...(settings.idStyle ? { idStyle: settings.idStyle } : {}),
    },
    publicBase: () => 'https://localhost:1',
    log: () => undefined,
    csdl: sharedModel(),
    media: {
      fetchPrompt: async () => ({ ok: false, reason: 'unused' }),
      synthesizeSpeechWav: () => Buffer.alloc(0),
    },
    onCallChanged: (call) => observed.attendance?.callChanged(call),
  });
  const meetings = new MeetingStore(directory, clock);
  const attendance = new AttendanceTracker({
    now: clock.now,
    calls: () => svc.engine.calls.values(),
    exists: (id) => directory.current().meetings.some((m) => m.id === id),
  });
  observed.attendance = attendance;
  const routes: Route[] = [
    ...graphRoutes(svc),
    ...meetingRoutes({
      meetings,
      directory,
      csdl: sharedModel(),
      clock,
      publicBase: () => 'https://localhost:1',
      attendance,
    }),
  ];

  function graph(appId: string, method: string, p: string, body?: unknown): Promise<HttpResponse> {
    const app = directory.app(appId);
    assert.ok(app, `no app ${appId}`);
    return request({ tid: SEED.tenantId, appid: app.appId, roles: app.graphRoles }, method, p, body);
  }

  function graphAs(
    userId: string,
    scopes: string[],
    method: string,
    p: string,
    body?: unknown,
  ): Promise<HttpResponse> {
    const caller = { tid: SEED.tenantId, appid: APP.appId, roles: [], scp: scopes.join(' '), oid: userId };
    return request({ ...caller, idtyp: 'user' }, method, p, body);
  }

  function request(caller: Caller, method: string, p: string, body?: unknown): Promise<HttpResponse> {
    const url = new URL(`/v1.0${p}`, 'https://localhost:1');
    return callRoute(routes, method, url, body, { receivedAt: new Date(clock.now()), caller });
  }

  function addApp(app: Partial<AppRegistration> & { appId: string }): AppRegistration {
    const full: AppRegistration = {
      displayName: 'Second app',
      secrets: ['second-secret'],
      graphRoles: [...APP.graphRoles],
      delegatedConsent: [],
      ...app,
    };
    directory.current().apps.push(full);
    return full;
  }

  return { clock, svc, delivered, meetings, attendance, graph, graphAs, addApp, stop: () => clock.reset() };
}

/** The identitySet of an invitationParticipantInfo naming an application. */
export const appTarget = (appId: string, displayName = 'test bot 2') => ({
  '@odata.type': '#microsoft.graph.invitationParticipantInfo',
  identity: {
    '@odata.type': '#microsoft.graph.identitySet',
    application: { '@odata.type': '#microsoft.graph.identity', displayName, id: appId },
  },
});

/** The identitySet of an invitationParticipantInfo naming a user. */
export const userTarget = (id: string, extra: Record<string, unknown> = {}) => ({
  '@odata.type': '#microsoft.graph.invitationParticipantInfo',
  identity: {
    '@odata.type': '#microsoft.graph.identitySet',
    user: { '@odata.type': '#microsoft.graph.identity', id },
  },
  ...extra,
});
