import { z } from 'zod';
import type { ChangeType, ParsedNotification, ResultInfo } from '../types';
import { parseResourceUrl } from './resource-url';

/** Why a body was refused: not calling notifications at all, or a change notification sent to the wrong route. */
export type ParseFailure = 'not_comms_notifications' | 'change_notification';

export type ParseResult =
  | { readonly ok: true; readonly notifications: readonly ParsedNotification[] }
  | { readonly ok: false; readonly failure: ParseFailure; readonly message: string };

type Json = Record<string, unknown>;
const jsonObject = z.record(z.string(), z.unknown());

// Only the fields routing depends on are checked; everything else passes through untouched (SPEC §0.3).
const notificationSchema = z.looseObject({
  changeType: z
    .string()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(['created', 'updated', 'deleted'])),
  resourceUrl: z.string().min(1).optional(),
  resource: z.string().min(1).optional(),
  resourceData: z
    .union([jsonObject, z.array(jsonObject)], { error: 'must be an object or an array of objects' })
    .nullish(),
});

const code = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\s*-?\d+\s*$/)
    .transform(Number),
]);
const resultInfoSchema = z.looseObject({
  code,
  subcode: code.optional(),
  subCode: code.optional(),
  message: z.string().optional(),
});

/**
 * Parses a commsNotifications body tolerantly: `value` array or a single notification, object or array
 * `resourceData`, any id spelling or resourceUrl form. One bad notification refuses the whole batch, so
 * Graph's retry carries it again rather than half of it being lost.
 */
export function parseNotifications(body: unknown): ParseResult {
  const found = notificationItems(body);
  if (typeof found === 'string') return fail('not_comms_notifications', found);
  const { items, single } = found;
  if (items.length === 0)
    return fail('not_comms_notifications', 'The notification batch is empty ("value": []).');
  if (isChangeNotificationCollection(body as Json, items)) {
    return fail(
      'change_notification',
      'This is a Graph change notification (changeNotificationCollection), not a calling notification; ' +
        'subscriptions must deliver to /api/notifications.',
    );
  }
  const notifications: ParsedNotification[] = [];
  for (const [i, item] of items.entries()) {
    const parsed = parseOne(item, single ? 'notification' : `value[${i}]`);
    if (typeof parsed === 'string') return fail('not_comms_notifications', parsed);
    notifications.push(parsed);
  }
  return { ok: true, notifications };
}

function notificationItems(body: unknown): { items: unknown[]; single: boolean } | string {
  if (!isJson(body))
    return 'The body must be a JSON object: a commsNotifications envelope ({ "value": [...] }).';
  if ('value' in body) {
    const value = body['value'];
    return Array.isArray(value)
      ? { items: value, single: false }
      : '"value" must be an array of commsNotification objects.';
  }
  // Some senders post one notification without the envelope; it is recognisable by its changeType.
  if ('changeType' in body) return { items: [body], single: true };
  return 'The body is not a commsNotifications envelope: expected { "value": [ { "changeType", "resourceUrl", "resourceData" } ] }.';
}

function parseOne(item: unknown, where: string): ParsedNotification | string {
  const r = notificationSchema.safeParse(item);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue?.path.length ? `.${issue.path.join('.')}` : '';
    return `${where}${field}: ${issue?.message ?? 'is not a commsNotification'}.`;
  }
  const n = r.data;
  const url = n.resourceUrl ?? n.resource;
  if (url === undefined) return `${where}: has neither "resourceUrl" nor "resource".`;
  const ref = parseResourceUrl(url);
  if (!ref) return `${where}.resourceUrl: "${url}" does not point under /communications/calls/{id}.`;
  const resourceData = n.resourceData ?? {};
  const resultInfo = Array.isArray(resourceData) ? undefined : resultInfoOf(resourceData['resultInfo']);
  return {
    changeType: n.changeType satisfies ChangeType,
    resourceUrl: ref.resourceUrl,
    kind: ref.kind,
    callId: ref.callId,
    callWireId: ref.callWireId,
    ...(ref.operationId !== undefined ? { operationId: ref.operationId } : {}),
    ...(ref.operationWireId !== undefined ? { operationWireId: ref.operationWireId } : {}),
    resourceData,
    ...(resultInfo ? { resultInfo } : {}),
    raw: item as Json,
  };
}

/** resultInfo with numeric codes and the `subCode` spelling folded; undefined when it has no readable code. */
function resultInfoOf(value: unknown): ResultInfo | undefined {
  const r = resultInfoSchema.safeParse(value);
  if (!r.success) return undefined;
  const { code: c, subcode, subCode, message } = r.data;
  return { code: c, subcode: subcode ?? subCode ?? 0, ...(message !== undefined ? { message } : {}) };
}

// A change notification names a subscription and a resource outside the calls tree (e.g. callRecords).
function isChangeNotificationCollection(body: Json, items: unknown[]): boolean {
  if (String(body['@odata.type'] ?? '').toLowerCase() === '#microsoft.graph.changenotificationcollection')
    return true;
  return items.some((item) => {
    if (!isJson(item)) return false;
    const fromSubscription = 'subscriptionId' in item || 'clientState' in item;
    const url = item['resourceUrl'] ?? item['resource'];
    return fromSubscription && (typeof url !== 'string' || parseResourceUrl(url) === undefined);
  });
}

function fail(failure: ParseFailure, message: string): ParseResult {
  return { ok: false, failure, message };
}

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
