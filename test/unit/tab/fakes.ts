// Fakes of the tab API's ports (our own interfaces): a call model that records what it was asked, a
// Graph that answers from tables, an in-memory kv and a verifier that knows two users.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MeetingAttendanceReport, OnlineMeeting, Presence } from '@microsoft/microsoft-graph-types';
import {
  createMeetingService,
  type Call,
  type CallingEvents,
  type CallPerson,
  type MeetingGraph,
} from '../../../calling';
import { openStore } from '../../../store';
import type { AuthResult, TabCalling, TabGraph, TabLogger, TabRequest } from '../../../teams-tab/api';

export const TENANT = '7c1f0d2a-0000-4000-8000-000000009f11';
export const ADELE = {
  id: 'adele-0000',
  tenantId: TENANT,
  displayName: 'Adele Vance',
  assertion: 'token-adele',
};
export const MEGAN = {
  id: 'megan-0000',
  tenantId: TENANT,
  displayName: 'Megan Bowen',
  assertion: 'token-megan',
};

export const verify = async (authorization: string | undefined): Promise<AuthResult> => {
  if (authorization === 'Bearer token-adele') return { ok: true, user: ADELE };
  if (authorization === 'Bearer token-megan') return { ok: true, user: MEGAN };
  return { ok: false, reason: 'signature' };
};

export const silentLogger: TabLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Someone in a call, as the call model shows them. */
export function participant(id: string, userId: string, name: string, isSelf = false): CallPerson {
  return {
    key: isSelf ? 'self' : userId,
    participantId: id,
    kind: isSelf ? 'app' : 'person',
    name: isSelf ? 'Switchboard' : name,
    ...(isSelf ? {} : { userId }),
    status: 'joined',
    muted: false,
    isSelf,
  };
}

/** A call as the call model shows it. */
export function callModel(id: string, over: Partial<Call> = {}): Call {
  return {
    id,
    tenantId: TENANT,
    direction: 'outgoing',
    state: 'establishing',
    phase: 'ringing',
    purpose: 'oneToOne',
    origin: { surface: 'api' },
    people: [],
    createdAt: Date.parse('2026-11-20T10:00:00Z'),
    version: 1,
    ...over,
  };
}

type Handlers = { [K in keyof CallingEvents]?: Array<(e: CallingEvents[K]) => void> };

/** A call model that keeps its calls in a map and records each request. */
export function fakeCalling() {
  const calls = new Map<string, Call>();
  const asked: Array<{ op: string; args: unknown[] }> = [];
  const handlers: Handlers = {};
  let n = 0;
  const op = (callId: string, kind: string) => ({
    id: `op-${++n}`,
    callId,
    kind,
    status: 'completed' as const,
    createdAt: 0,
  });
  const view = (call: Call) => ({
    id: call.id,
    tenantId: call.tenantId,
    direction: call.direction,
    state: call.state,
    source: { kind: 'application' as const, id: 'bot' },
    participants: [],
    flow: undefined,
    createdAt: call.createdAt,
    updatedAt: call.createdAt,
    resource: {},
  });
  const calling: TabCalling = {
    async placeCall(req) {
      asked.push({ op: 'placeCall', args: [req] });
      const id = `call-${++n}`;
      const targets = Array.isArray(req.to) ? req.to : [req.to];
      const call = callModel(id, {
        purpose: req.purpose ?? (targets.length > 1 ? 'group' : 'oneToOne'),
        origin: req.origin ?? { surface: 'api' },
        ...(req.subject ? { subject: req.subject } : {}),
      });
      calls.set(id, call);
      return view(call);
    },
    async joinMeeting(url, opts) {
      asked.push({ op: 'joinMeeting', args: [url, opts] });
      const id = `call-${++n}`;
      const call = callModel(id, {
        purpose: 'meeting',
        phase: 'connecting',
        origin: opts?.origin ?? { surface: 'api' },
        meeting: { joinUrl: url, threadId: '19:meeting_abc@thread.v2' },
      });
      calls.set(id, call);
      return view(call);
    },
    async hangUp(id, opts) {
      asked.push({ op: 'hangUp', args: opts ? [id, opts] : [id] });
    },
    async playPrompt(id, prompts) {
      asked.push({ op: 'playPrompt', args: [id, prompts] });
      return op(id, 'playPrompt');
    },
    participants: {
      async list() {
        return [];
      },
      async invite(id, parties) {
        asked.push({ op: 'invite', args: [id, parties] });
        return op(id, 'invite');
      },
      async mute(id, pid) {
        asked.push({ op: 'mute', args: [id, pid] });
        return op(id, 'mute');
      },
      async remove(id, pid) {
        asked.push({ op: 'remove', args: [id, pid] });
      },
    },
    async annotate(id, a) {
      asked.push({ op: 'annotate', args: [id, a] });
      const call = calls.get(id);
      if (!call) return undefined;
      const next = {
        ...call,
        ...(a.purpose ? { purpose: a.purpose } : {}),
        ...(a.origin ? { origin: a.origin } : {}),
      };
      calls.set(id, next);
      return next;
    },
    async callModel(id) {
      return calls.get(id);
    },
    async listCallModels(opts) {
      const all = [...calls.values()];
      return opts?.active ? all.filter((c) => c.state !== 'terminated') : all;
    },
    on(name, handler) {
      const list = (handlers[name] ??= []) as Array<(e: unknown) => void>;
      list.push(handler as (e: unknown) => void);
      return () => list.splice(list.indexOf(handler as (e: unknown) => void), 1);
    },
  };
  function emit<K extends keyof CallingEvents>(name: K, e: CallingEvents[K]): void {
    for (const h of (handlers[name] ?? []) as Array<(e: CallingEvents[K]) => void>) h(e);
  }
  return { calling, calls, asked, emit };
}

/** A Graph answering presence from a table, recording whose token each request carried. */
export function fakeGraph(presence: Record<string, Presence>) {
  const asked: Array<{ op: string; auth?: unknown; ctx?: unknown; args?: unknown }> = [];
  let failWith: Error | undefined;
  // Meetings Graph finds by join link (ones Switchboard did not create).
  const byJoinUrl = new Map<string, OnlineMeeting>();
  const directory: Record<string, string> = { 'megan-0000': 'Megan Bowen', 'adele-0000': 'Adele Vance' };
  const graph: TabGraph = {
    presence: {
      async getPresences(ids, auth, ctx) {
        asked.push({ op: 'getPresences', auth, ctx, args: ids });
        if (failWith) throw failWith;
        return ids.flatMap((id) => (presence[id] ? [presence[id]] : []));
      },
    },
    users: {
      async searchUsers(prefix) {
        asked.push({ op: 'searchUsers', args: prefix });
        return [{ id: 'megan-0000', displayName: 'Megan Bowen', mail: 'megan@contoso.example' }];
      },
      async getUser(id) {
        return directory[id] ? { id, displayName: directory[id] } : { id };
      },
    },
    meetings: {
      async createMeeting(actor, meeting, ctx) {
        asked.push({ op: 'createMeeting', auth: actor, ctx, args: meeting });
        if (failWith) throw failWith;
        return {
          ...meeting,
          id: 'meeting-1',
          joinWebUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
          chatInfo: { threadId: '19:meeting_abc@thread.v2' },
        } as OnlineMeeting;
      },
      async findMeetingByJoinUrl(_actor, url) {
        return byJoinUrl.get(url);
      },
    },
  };
  return {
    graph,
    asked,
    presence,
    byJoinUrl,
    fail(err: Error | undefined) {
      failWith = err;
    },
  };
}

/** A request as the server hands it to the edge. */
export function request(
  method: string,
  pathAndQuery: string,
  opts: { token?: string; body?: unknown } = {},
): TabRequest {
  const url = new URL(pathAndQuery, 'http://local');
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    json: async () => opts.body,
  };
}

/** A Graph for the meetings service that records each call and answers from `reports`. */
export function fakeMeetingGraph() {
  const asked: Array<{ op: string; actor: unknown; args: unknown[] }> = [];
  const reports: MeetingAttendanceReport[] = [];
  const graph: MeetingGraph = {
    async updateMeeting(actor, id, update) {
      asked.push({ op: 'updateMeeting', actor, args: [id, update] });
      return { id, ...update } as OnlineMeeting;
    },
    async deleteMeeting(actor, id) {
      asked.push({ op: 'deleteMeeting', actor, args: [id] });
    },
    async listAttendanceReports(actor, id) {
      asked.push({ op: 'listAttendanceReports', actor, args: [id] });
      return reports.map(({ attendanceRecords: _r, ...r }) => r);
    },
    async getAttendanceReport(actor, id, reportId) {
      asked.push({ op: 'getAttendanceReport', actor, args: [id, reportId] });
      return reports.find((r) => r.id === reportId) ?? {};
    },
  };
  return { graph, asked, reports };
}

/** The real meetings service on a throwaway SQLite file; close() removes it. */
export async function meetingBook(graph: MeetingGraph) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sb-tab-meetings-'));
  const store = await openStore({ sqlitePath: path.join(dir, 'm.db') });
  const meetings = createMeetingService({ store, graph, logger: silentLogger });
  return {
    meetings,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
