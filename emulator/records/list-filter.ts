// The $filter GET /communications/callRecords takes (v1.0 "List callRecords"): startDateTime compared
// with lt, le, gt or ge against a DateTimeOffset, and participants_v2/any(p:p/id eq '{id}'), joined by
// `and`. Anything else is refused with 400, as Graph does for unsupported filters.
import { GraphError } from '../http';
import type { CallRecordRec } from './build-record';

type Clause =
  { kind: 'start'; op: 'lt' | 'le' | 'gt' | 'ge'; at: number } | { kind: 'participant'; id: string };

const START = /^startDateTime\s+(lt|le|gt|ge)\s+'?([0-9T:.+\-Z]+)'?$/i;
const PARTICIPANT = /^participants_v2\/any\(\s*(\w+)\s*:\s*(\w+)\/id\s+eq\s+'((?:[^']|'')*)'\s*\)$/i;

function unsupported(text: string): GraphError {
  return new GraphError(
    400,
    'BadRequest',
    `Invalid filter clause '${text}': call records can be filtered on startDateTime (lt, le, gt, ge) and ` +
      "participants_v2/any(p:p/id eq '{id}') only.",
  );
}

function clause(text: string): Clause {
  const start = START.exec(text);
  if (start) {
    const at = Date.parse(start[2] as string);
    if (Number.isNaN(at)) throw unsupported(text);
    return { kind: 'start', op: (start[1] as string).toLowerCase() as 'lt', at };
  }
  const p = PARTICIPANT.exec(text);
  if (p && p[1]?.toLowerCase() === p[2]?.toLowerCase())
    return { kind: 'participant', id: (p[3] as string).replace(/''/g, "'").toLowerCase() };
  throw unsupported(text);
}

/** A predicate over records for the list's $filter (everything passes without one). */
export function recordFilter(raw: string | null): (rec: CallRecordRec) => boolean {
  if (raw === null || raw.trim() === '') return () => true;
  const clauses = raw
    .trim()
    .split(/\s+and\s+/i)
    .map((c) =>
      clause(
        c
          .trim()
          .replace(/^\((.*)\)$/s, '$1')
          .trim(),
      ),
    );
  return (rec) =>
    clauses.every((c) => {
      if (c.kind === 'participant')
        return rec.participantsV2.some((p) => String(p.id).toLowerCase() === c.id);
      const start = Date.parse(String(rec.record.startDateTime));
      if (c.op === 'lt') return start < c.at;
      if (c.op === 'le') return start <= c.at;
      if (c.op === 'gt') return start > c.at;
      return start >= c.at;
    });
}
