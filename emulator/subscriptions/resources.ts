// The resources this service takes subscriptions for (SPEC.md §7, §8.1), with what each allows:
// call records (created/updated, 4230 minutes at most, CallRecords.Read.All, optionally filtered by
// participant) and presence of one or more users (updated, 60 minutes at most, Presence.Read.All).
import type { Needs } from '../access';
import { GraphError } from '../http';
import type { FilterNode } from '../odata';
import { FilterSyntaxError, filterPaths, parseFilter } from '../odata';

export type SubscribedResource =
  { kind: 'callRecords'; filter?: FilterNode } | { kind: 'presence'; userIds: string[] };

export interface ResourceRules {
  maxMinutes: number;
  changeTypes: readonly string[];
  needs: Needs;
}

export const RULES: Record<SubscribedResource['kind'], ResourceRules> = {
  callRecords: {
    maxMinutes: 4230,
    changeTypes: ['created', 'updated'],
    needs: { app: ['CallRecords.Read.All'], delegated: [] },
  },
  presence: {
    maxMinutes: 60,
    changeTypes: ['updated'],
    needs: {
      app: ['Presence.Read.All', 'Presence.ReadWrite.All'],
      delegated: ['Presence.Read.All', 'Presence.ReadWrite.All'],
    },
  },
};

/** Graph's limit on users per presence subscription. */
export const MAX_PRESENCE_IDS = 650;

const unsupported = (resource: string, why: string): GraphError =>
  new GraphError(
    400,
    'InvalidRequest',
    `The resource '${resource}' is not supported for change notifications: ${why}`,
  );

function filterOf(resource: string, raw: string): FilterNode {
  try {
    return parseFilter(raw);
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    throw unsupported(resource, `the $filter cannot be read (${err.message} at position ${err.position}).`);
  }
}

/** Reads a subscription's `resource`; throws 400 for anything else. */
export function parseResource(resource: string): SubscribedResource {
  const [rawPath = '', rawQuery = ''] = resource.trim().split(/\?(.*)/s);
  const path = rawPath.replace(/^\/+/, '').replace(/\/+$/, '');
  const query = new URLSearchParams(rawQuery);
  const filterText = query.get('$filter') ?? query.get('filter');
  if (/^communications\/callRecords$/i.test(path)) {
    if (filterText === null) return { kind: 'callRecords' };
    const filter = filterOf(resource, filterText);
    const paths = filterPaths(filter).map((p) => p.toLowerCase());
    if (paths.some((p) => p !== 'participants/id'))
      throw unsupported(resource, "call records can be filtered on participants/any(p:p/id eq '...') only.");
    return { kind: 'callRecords', filter };
  }
  const one =
    /^communications\/presences\/([^/]+)$/i.exec(path) ??
    /^communications\/presences\('([^']+)'\)$/i.exec(path);
  if (one) return { kind: 'presence', userIds: [decodeURIComponent(one[1] as string)] };
  if (/^communications\/presences$/i.test(path)) {
    const filter = filterText === null ? undefined : filterOf(resource, filterText);
    if (!filter || filter.kind !== 'in' || filter.path.toLowerCase() !== 'id')
      throw unsupported(
        resource,
        "presence needs /communications/presences/{id} or ?$filter=id in ('id1','id2').",
      );
    const ids = filter.values.filter((v): v is string => typeof v === 'string');
    if (ids.length === 0 || ids.length !== filter.values.length)
      throw unsupported(resource, 'the ids must be quoted strings.');
    if (ids.length > MAX_PRESENCE_IDS)
      throw unsupported(resource, `at most ${MAX_PRESENCE_IDS} users per subscription; got ${ids.length}.`);
    return { kind: 'presence', userIds: ids };
  }
  throw unsupported(
    resource,
    'this emulator serves /communications/callRecords and /communications/presences.',
  );
}

/** Splits `changeType` ("created,updated") and checks each against the resource's. */
export function parseChangeTypes(raw: string, resource: string, rules: ResourceRules): string[] {
  const types = raw.split(',').map((t) => t.trim());
  for (const t of types) {
    if (!rules.changeTypes.includes(t))
      throw new GraphError(
        400,
        'InvalidRequest',
        `The change type '${t}' is not supported for the resource '${resource}'. Supported change types: ${rules.changeTypes.join(', ')}.`,
      );
  }
  return [...new Set(types)];
}
