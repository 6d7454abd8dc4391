import type { Kysely, Selectable, Updateable } from 'kysely';
import { padded, placeholder, placeholders, prepare, preparedByShape } from './prepared-query';
import type { CallsRepo, StoredCall, StoredCallPatch } from '../calling';
import type { CallsTable, Database } from './types';

const TERMINATED = 'terminated';
// Graph's callState values between ringing and the end: an index lookup each, where "neither ringing nor
// ended" would read every call ever stored.
const IN_PROGRESS = [
  'establishing',
  'established',
  'hold',
  'transferring',
  'transferAccepted',
  'redirecting',
  'terminating',
];

function parse(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

function toCall(row: Selectable<CallsTable>): StoredCall {
  return {
    id: row.id,
    wireId: row.wire_id ?? row.id,
    tenantId: row.tenant_id,
    direction: row.direction,
    state: row.state,
    resource: (parse(row.resource) ?? {}) as Record<string, unknown>,
    myParticipantId: row.my_participant_id,
    participants: parse(row.participants),
    marks: parse(row.marks),
    flow: parse(row.flow),
    flowKey: row.flow_key,
    scenarioId: row.scenario_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastNotifiedAt: row.last_notified_at,
    endedAt: row.ended_at,
    endCode: row.end_code,
    endSubcode: row.end_subcode,
    endReason: row.end_reason,
    meta: parse(row.meta),
    version: Number(row.version ?? 0),
  };
}

const json = (v: unknown): string => JSON.stringify(v ?? null);

function toColumns(patch: StoredCallPatch): Partial<CallsTable> {
  const out: Partial<CallsTable> = {};
  if (patch.wireId !== undefined) out.wire_id = patch.wireId;
  if (patch.tenantId !== undefined) out.tenant_id = patch.tenantId;
  if (patch.direction !== undefined) out.direction = patch.direction;
  if (patch.state !== undefined) out.state = patch.state;
  if (patch.resource !== undefined) out.resource = json(patch.resource);
  if (patch.myParticipantId !== undefined) out.my_participant_id = patch.myParticipantId;
  if (patch.participants !== undefined) out.participants = json(patch.participants);
  if (patch.marks !== undefined) out.marks = json(patch.marks);
  if (patch.flow !== undefined) out.flow = patch.flow === null ? null : json(patch.flow);
  if (patch.flowKey !== undefined) out.flow_key = patch.flowKey;
  if (patch.scenarioId !== undefined) out.scenario_id = patch.scenarioId;
  if (patch.updatedAt !== undefined) out.updated_at = patch.updatedAt;
  if (patch.lastNotifiedAt !== undefined) out.last_notified_at = patch.lastNotifiedAt;
  if (patch.endedAt !== undefined) out.ended_at = patch.endedAt;
  if (patch.endCode !== undefined) out.end_code = patch.endCode;
  if (patch.endSubcode !== undefined) out.end_subcode = patch.endSubcode;
  if (patch.endReason !== undefined) out.end_reason = patch.endReason;
  if (patch.meta !== undefined) out.meta = patch.meta === null ? null : json(patch.meta);
  if (patch.version !== undefined) out.version = patch.version;
  return out;
}

// The batch view writes each changed call with every column set, so one shape serves nearly every update.
const updateQuery = preparedByShape<unknown[]>((db, shape) => {
  const columns = shape.split(',') as Array<keyof CallsTable>;
  const values = placeholders(columns.length, 'column');
  const id = placeholder('id');
  const set = Object.fromEntries(columns.map((c, i) => [c, values[i]])) as Updateable<CallsTable>;
  const compiled = db.updateTable('calls').set(set).where('id', '=', id).compile();
  return prepare<unknown[]>(compiled, [...values, id]);
});

const getQuery = preparedByShape<[string]>((db) => {
  const id = placeholder('id');
  return prepare(db.selectFrom('calls').selectAll().where('id', '=', id).compile(), [id] as [string]);
});

const getManyQuery = preparedByShape<string[]>((db, n) => {
  const ids = placeholders(Number(n), 'id');
  return prepare(db.selectFrom('calls').selectAll().where('id', 'in', ids).compile(), ids);
});

/** The calls table over one Kysely handle (the database or a transaction). */
export function createCallsRepo(db: Kysely<Database>): CallsRepo {
  return {
    async get(id) {
      const { rows } = await db.executeQuery<Selectable<CallsTable>>(getQuery(db, '')(id));
      return rows[0] && toCall(rows[0]);
    },

    async stateOf(id) {
      const row = await db.selectFrom('calls').select('state').where('id', '=', id).executeTakeFirst();
      return row?.state;
    },

    async getMany(ids) {
      if (ids.length === 0) return [];
      const unique = padded([...new Set(ids)]);
      const { rows } = await db.executeQuery<Selectable<CallsTable>>(
        getManyQuery(db, String(unique.length))(...unique),
      );
      return rows.map(toCall);
    },

    async insert(call) {
      const result = await db
        .insertInto('calls')
        .values({
          id: call.id,
          wire_id: call.wireId,
          tenant_id: call.tenantId,
          direction: call.direction,
          state: call.state,
          resource: json(call.resource),
          my_participant_id: call.myParticipantId,
          participants: json(call.participants),
          marks: json(call.marks),
          flow: call.flow === null || call.flow === undefined ? null : json(call.flow),
          flow_key: call.flowKey ?? null,
          scenario_id: call.scenarioId,
          created_at: call.createdAt,
          updated_at: call.updatedAt,
          last_notified_at: call.lastNotifiedAt,
          ended_at: call.endedAt,
          end_code: call.endCode,
          end_subcode: call.endSubcode,
          end_reason: call.endReason,
          meta: call.meta === null || call.meta === undefined ? null : json(call.meta),
          version: call.version,
        })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async update(id, patch) {
      const columns = toColumns(patch);
      const names = Object.keys(columns) as Array<keyof CallsTable>;
      if (names.length === 0) return (await this.get(id)) !== undefined;
      const query = updateQuery(db, names.join(','));
      const result = await db.executeQuery(query(...names.map((n) => columns[n]), id));
      return Number(result.numAffectedRows ?? 0) > 0;
    },

    async list(opts = {}) {
      let query = db.selectFrom('calls').selectAll().orderBy('created_at', 'desc').orderBy('id');
      if (opts.active) query = query.where('state', '<>', TERMINATED);
      if (opts.limit !== undefined) query = query.limit(opts.limit);
      return (await query.execute()).map(toCall);
    },

    async countInProgress({ direction, except }) {
      let query = db
        .selectFrom('calls')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('direction', '=', direction)
        .where('state', 'in', IN_PROGRESS);
      if (except !== undefined) query = query.where('id', '<>', except);
      const row = await query.executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async silentSince(before, limit = 50) {
      const rows = await db
        .selectFrom('calls')
        .selectAll()
        .where('state', '<>', TERMINATED)
        .where((eb) =>
          eb.or([
            eb('last_notified_at', '<', before),
            eb.and([eb('last_notified_at', 'is', null), eb('created_at', '<', before)]),
          ]),
        )
        .orderBy('updated_at')
        .limit(limit)
        .execute();
      return rows.map(toCall);
    },
  };
}
