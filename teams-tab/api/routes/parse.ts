import type { z } from 'zod';
import { badRequest } from '../errors';
import type { TabRequest } from '../types';

/** The request's JSON body checked against `schema`; a 400 naming the first wrong field otherwise. */
export async function parseBody<T>(req: TabRequest, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch (err) {
    throw badRequest(`The request body is not JSON (${err instanceof Error ? err.message : String(err)}).`);
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'body';
    throw badRequest(`${field}: ${issue?.message ?? 'is invalid'}.`);
  }
  return parsed.data;
}

/** A comma-separated id list from the query (trimmed, de-duplicated), at most `max`. */
export function idList(value: string | null, max: number): string[] {
  const ids = [
    ...new Set(
      (value ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  if (ids.length > max) throw badRequest(`At most ${max} ids may be given.`);
  return ids;
}
