// GET /emulator/events?person={id}: server-sent events with one person's calls as they happen. The
// stream opens with a `hello` (the person and their recent calls with timelines), then sends one `call`
// event per burst of timeline entries (the entries plus the call's fresh view), a `person` event when
// their presence changes, and a comment every 15 s so that proxies keep the connection open.
import type { ServerResponse } from 'node:http';
import type { CallRec, TimelineEntry } from '../graph';
import type { HttpResponse, RequestContext } from '../http';
import type { Person } from '../people';
import { controlError, controlNotFound } from './body';
import type { ControlDeps } from './deps';
import { personSummary } from './people-list';
import { callsOf, concerns, pageEntry, personCallView } from './person-view';

const HEARTBEAT_MS = 15_000;

/** One server-sent event. */
export const sseEvent = (event: string, data: unknown): string =>
  `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** GET /emulator/events?person={id} */
export function personEvents(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const wanted = ctx.query.get('person');
  if (!wanted) throw controlError('Name the person: /emulator/events?person={id or userPrincipalName}.');
  const { engine } = deps.svc;
  const person = engine.directory.person(wanted);
  if (!person) throw controlNotFound(`No person '${wanted}' in the tenant.`);
  return {
    status: 200,
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
    stream: (res) => stream(deps, person, res),
  };
}

function stream(deps: ControlDeps, person: Person, res: ServerResponse): void {
  const { engine } = deps.svc;
  const personId = person.id;
  // A reset replaces the directory's people: look the person up again each time.
  const current = (): Person => engine.directory.person(personId) ?? person;
  const seen = new Set<CallRec>();
  const hello = callsOf(engine, personId).map((call) => {
    seen.add(call);
    return { call: personCallView(engine, call, personId), timeline: call.timeline.map(pageEntry) };
  });
  res.write(
    sseEvent('hello', {
      person: personSummary(deps, current()),
      promptSpeed: engine.settings.promptSpeed,
      calls: hello,
    }),
  );
  // Entries of one synchronous burst (a state change, its notification, a roster change) go out as one
  // event, with the call's view as it stands after the burst.
  const queued = new Map<CallRec, TimelineEntry[]>();
  let flushing: NodeJS.Immediate | undefined;
  const flush = (): void => {
    flushing = undefined;
    for (const [call, entries] of queued) {
      res.write(
        sseEvent('call', {
          call: personCallView(engine, call, personId),
          entries: entries.map(pageEntry),
          person: personSummary(deps, current()),
        }),
      );
    }
    queued.clear();
  };
  const unwatch = engine.watch((call, entry) => {
    if (!seen.has(call)) {
      if (!concerns(call, personId)) return;
      seen.add(call);
    }
    const list = queued.get(call) ?? [];
    list.push(entry);
    queued.set(call, list);
    flushing ??= setImmediate(flush);
  });
  const unlisten = deps.presence?.onChange((changedId) => {
    if (changedId.toLowerCase() === personId.toLowerCase())
      res.write(sseEvent('person', { person: personSummary(deps, current()) }));
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  res.on('close', () => {
    unwatch();
    unlisten?.();
    clearInterval(heartbeat);
    if (flushing) clearImmediate(flushing);
  });
}
