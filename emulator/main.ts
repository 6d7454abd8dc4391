#!/usr/bin/env node
// Process entry of the emulator (and the package's command): one port (HTTP and HTTPS) serving Entra
// ID, Graph communications, recordings and the control API. Prints one JSON "ready" line on stdout
// when it accepts requests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { takeCommandLine } from './cli';
import { createClock } from './clock';
import { readEmulatorConfig } from './config';
import { controlRoutes } from './control';
import { CsdlFileError, loadCsdlCached } from './csdl';
import { createEntra } from './entra';
import type { EntraTenant } from './entra';
import { createGraphService, graphRoutes, mediaRoutes } from './graph';
import type { CallRec } from './graph';
import { GraphFaults, createHandler } from './http';
import { installLastResort } from './last-resort';
import { fetchPrompt, synthesizeSpeechWav } from './media';
import { Deliverer } from './notify';
import { hostRoutes } from './host';
import { pageRoutes } from './pages';
import { SpeechService } from './speech';
import { Directory, loadTenant } from './people';
import type { Tenant } from './people';
import { CallPresenceScope, PresenceService, callActivityOf, presenceRoutes } from './presence';
import { directoryRoutes } from './directory';
import { AttendanceTracker, MeetingStore, meetingRoutes } from './meetings';
import { CallRecords, recordDelayFrom, recordRoutes } from './records';
import {
  NotificationQueues,
  SubscriptionService,
  subscriptionRoutes,
  validationTimeoutFrom,
} from './subscriptions';
import { startLifecycle } from './lifecycle';
import { ReactionRecorder } from './reactions';
import { listenDual, loadOrCreateTls } from './tls';

const log = (msg: string, err?: unknown): void => {
  const detail =
    err instanceof Error ? ` ${err.stack ?? err.message}` : err === undefined ? '' : ` ${String(err)}`;
  process.stderr.write(`[emulator] ${msg}${detail}\n`);
};

/** The Entra view of the live tenant (read on every token request, so control API changes apply). */
function entraTenant(tenant: Tenant): EntraTenant {
  return {
    tenantId: tenant.tenantId,
    apps: tenant.apps.map((a) => ({
      ...a,
      identifierUri: a.identifierUri ?? `api://${a.appId}`,
      delegatedConsent: a.delegatedConsent ?? [],
    })),
    people: tenant.people,
  };
}

async function main(): Promise<void> {
  const lifecycle = startLifecycle(log);
  const config = readEmulatorConfig(process.env);
  const seed = loadTenant(config.seedPath);
  if (config.appWebhook) for (const app of seed.apps) app.callingWebhook = config.appWebhook;
  const directory = new Directory(seed);
  const clock = createClock(Date.now, (err) => log('timer failed', err));
  const tls = await loadOrCreateTls(config.dataDir);
  const csdl = loadCsdlCached(config.csdlPath, config.dataDir, log);

  // The public URL depends on the port, which is known only once listening: requests that arrive in
  // between wait for the handler.
  const gate: { serve?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const waiting: [IncomingMessage, ServerResponse][] = [];
  const listener = await listenDual(
    (req, res) => {
      if (gate.serve) gate.serve(req, res);
      else waiting.push([req, res]);
    },
    { port: config.port, host: config.host, tls },
  );
  const publicBase = config.publicUrl ?? `https://localhost:${listener.port}`;
  const entra = await createEntra({
    publicBase,
    dataDir: config.dataDir,
    tenant: () => entraTenant(directory.current()),
    // Tokens carry real time: the app checks them against its own clock, which control-API clock
    // advances do not move.
    now: Date.now,
  });
  const ref: { svc?: ReturnType<typeof createGraphService> } = {};
  // Presence and call records follow the call engine through these.
  const observers = { changed: [] as ((call: CallRec) => void)[], ended: [] as ((call: CallRec) => void)[] };
  const deliverer = new Deliverer({
    sign: (aud, tid) => entra.signCallingNotification({ aud, tid }),
    now: clock.now,
    ca: tls.caCertPem,
    log,
    onEvent: (e) => {
      const call = ref.svc?.engine.find(e.callId);
      if (!call) return;
      const { at: _at, callId: _callId, type, ...rest } = e;
      ref.svc?.engine.note(call, 'delivery', { event: type, ...rest });
    },
  });
  const service = createGraphService({
    clock,
    directory,
    deliver: (url, body, meta) => {
      deliverer
        .deliver(url, body, meta)
        .then((r) => {
          if (!r.ok && r.outcome !== 'dropped' && r.outcome !== 'stopped')
            log(`notification to ${url} ${r.outcome} (${r.status ?? r.error ?? 'no answer'})`);
        })
        .catch((err: unknown) => log(`call ${meta.callId}: notification to ${url} failed`, err));
    },
    settings: {
      promptSpeed: config.promptSpeed,
      incomingTimeoutMs: config.incomingTimeoutMs,
      ringTimeoutMs: config.ringTimeoutMs,
      idStyle: config.idStyle,
    },
    publicBase: () => publicBase,
    log,
    csdl,
    media: { fetchPrompt, synthesizeSpeechWav, ca: tls.caCertPem },
    onCallChanged: (call) => observers.changed.forEach((fn) => fn(call)),
    onCallEnded: (call) => observers.ended.forEach((fn) => fn(call)),
  });
  ref.svc = service;
  const reactions = new ReactionRecorder();
  service.engine.watch((call, entry) => reactions.observe(call, entry));
  const presence = new PresenceService({
    clock,
    directory,
    callActivity: (personId) => callActivityOf(service.engine.calls.values(), personId),
  });
  const presenceScope = new CallPresenceScope();
  observers.changed.push((call) => presence.refreshPeople(presenceScope.affected(call)));
  const resourceDeps = { directory, csdl, publicBase: () => publicBase };
  const meetings = new MeetingStore(directory, clock);
  const attendance = new AttendanceTracker({
    now: clock.now,
    calls: () => service.engine.calls.values(),
    exists: (meetingId) => directory.current().meetings.some((m) => m.id === meetingId),
  });
  observers.changed.push((call) => attendance.callChanged(call));
  observers.ended.push((call) => attendance.callChanged(call));
  const records = new CallRecords({ clock, directory, delayMs: recordDelayFrom(process.env) });
  observers.changed.push((call) => records.callChanged(call));
  observers.ended.push((call) => records.callEnded(call));
  const queues = new NotificationQueues({ ca: tls.caCertPem, log });
  const subscriptions = new SubscriptionService({ clock, queues });
  records.store.onRecord((rec) => subscriptions.recordCreated(rec.record));
  presence.onChange((personId) => subscriptions.presenceChanged(personId));
  const graphFaults = new GraphFaults();
  const speech = new SpeechService({ keys: () => directory.current().speech.keys, now: Date.now });
  const serve = createHandler({
    graphRoutes: [
      ...graphRoutes(service),
      ...directoryRoutes(resourceDeps),
      ...presenceRoutes({ ...resourceDeps, presence }),
      ...meetingRoutes({ ...resourceDeps, meetings, clock, attendance }),
      ...recordRoutes({ ...resourceDeps, records: records.store }),
      ...subscriptionRoutes({
        ...resourceDeps,
        subscriptions,
        now: clock.now,
        ca: tls.caCertPem,
        validationTimeoutMs: validationTimeoutFrom(process.env),
      }),
    ],
    controlRoutes: controlRoutes({
      svc: service,
      clock,
      graphFaults,
      notificationFaults: deliverer,
      publicBase: () => publicBase,
      presence,
      meetings,
      attendance,
      records: records.store,
      subscriptions,
      reactions,
      speech,
      onReset: () => {
        subscriptions.reset();
        records.reset();
        presence.reset();
        presenceScope.clear();
        meetings.reset();
        attendance.reset();
      },
    }),
    mediaRoutes: mediaRoutes(service),
    pageRoutes: [
      ...speech.routes(),
      ...pageRoutes(),
      ...hostRoutes((id, o) => entra.mintUserToken(id, o), { tabUrl: config.tabUrl }),
    ],
    entra,
    faults: graphFaults,
    now: clock.now,
    onGraphResponse: (ctx, response) => {
      // A create names its call only in the answer.
      const created =
        response.status === 201 ? (response.body as { id?: unknown } | undefined)?.id : undefined;
      const callId = ctx.params.callId ?? (typeof created === 'string' ? created : undefined);
      const call = callId ? service.engine.find(callId) : undefined;
      if (!call) return;
      reactions.request(call, {
        method: ctx.method,
        path: ctx.path,
        at: ctx.receivedAt.getTime(),
        status: response.status,
        rawBody: ctx.rawBody,
      });
      service.engine.note(call, 'request', {
        method: ctx.method,
        path: ctx.path,
        status: response.status,
        requestId: ctx.requestId,
      });
      if (created) {
        // Put the create request first, where it happened.
        const entry = call.timeline.pop();
        if (entry)
          call.timeline.unshift({ ...entry, at: ctx.receivedAt.toISOString(), t: ctx.receivedAt.getTime() });
      }
    },
    log,
  });
  gate.serve = serve;
  for (const [req, res] of waiting.splice(0)) serve(req, res);

  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const tenant = directory.current();
  process.stdout.write(
    `${JSON.stringify({
      emulator: 'ready',
      port: listener.port,
      url: publicBase,
      httpUrl: `http://${host.includes(':') ? `[${host}]` : host}:${listener.port}`,
      caPath: tls.caPath,
      tenantId: tenant.tenantId,
      appId: tenant.apps[0]?.appId,
    })}\n`,
  );

  lifecycle.serving(async () => {
    deliverer.stop();
    queues.stop();
    service.engine.clear();
    clock.reset();
    await listener.close();
  });
}

function portInUse(): string {
  const port = process.env.EMULATOR_PORT || '3979';
  return `port ${port} is in use: another emulator (or npm start) may be running; stop it or set EMULATOR_PORT`;
}

installLastResort(process, log);
if (takeCommandLine(process))
  main().catch((err: unknown) => {
    // A missing or corrupt metadata file is a setup problem: one line that says what to do, no stack.
    if (err instanceof CsdlFileError) log(`failed to start: ${err.message}`);
    else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') log(`failed to start: ${portInUse()}`);
    else log('failed to start', err);
    process.exit(1);
  });
