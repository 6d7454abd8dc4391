// $filter on /users as the directory accepts it without advanced queries: eq, in, startswith, any()
// on businessPhones, joined with and/or, on the properties the directory indexes. endswith, contains,
// ne and not need `ConsistencyLevel: eventual`, as they do in Entra ID.
import { GraphError } from '../http';
import type { FilterNode } from '../odata';
import { FilterSyntaxError, filterPaths, parseFilter } from '../odata';

const FILTERABLE = [
  'id',
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'businessPhones',
];

function needsAdvanced(node: FilterNode): boolean {
  switch (node.kind) {
    case 'and':
    case 'or':
      return needsAdvanced(node.left) || needsAdvanced(node.right);
    case 'not':
      return true;
    case 'any':
      return needsAdvanced(node.body);
    case 'cmp':
      return node.op === 'ne';
    case 'fn':
      return node.name !== 'startswith';
    default:
      return false;
  }
}

/** Parses a $filter, turning a syntax error into Graph's 400. */
export function parseGraphFilter(raw: string): FilterNode {
  try {
    return parseFilter(raw);
  } catch (err) {
    if (!(err instanceof FilterSyntaxError)) throw err;
    throw new GraphError(
      400,
      'BadRequest',
      `Invalid filter clause: ${err.message} at position ${err.position} in '${raw}'.`,
    );
  }
}

/** Parses and checks a /users $filter; throws Graph's 400s. */
export function userFilter(raw: string, advanced: boolean): FilterNode {
  const node = parseGraphFilter(raw);
  for (const path of filterPaths(node)) {
    const head = path.split('/')[0] ?? '';
    if (!FILTERABLE.some((f) => f.toLowerCase() === head.toLowerCase()))
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified for property '${head}' of resource 'User'.`,
      );
  }
  if (!advanced && needsAdvanced(node))
    throw new GraphError(400, 'Request_UnsupportedQuery', 'Unsupported Query.');
  return node;
}
