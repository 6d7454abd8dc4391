// GET /users (with $filter, $select, $top), GET /users/{id} (object id or UPN) and GET /me.
import { actorOf, meOf, requirePermission } from '../access';
import type { Needs } from '../access';
import type { CsdlModel } from '../csdl';
import type { HttpResponse, RequestContext } from '../http';
import { applySelect, matchesFilter, parseSelect, parseTop, queryOption } from '../odata';
import type { Directory, Person } from '../people';
import { resolveUser } from './lookup';
import { userFilter } from './user-filter';
import { defaultUserJson, userJson } from './user-json';

export interface UserRouteDeps {
  directory: Directory;
  csdl: CsdlModel;
  publicBase: () => string;
}

const READ_ALL: Needs = {
  app: [
    'User.Read.All',
    'User.ReadBasic.All',
    'User.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
  delegated: [
    'User.ReadBasic.All',
    'User.Read.All',
    'User.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
};
const READ_SELF: Needs = {
  app: READ_ALL.app,
  delegated: ['User.Read', 'User.ReadWrite', ...READ_ALL.delegated],
};
const USER_TYPE = 'microsoft.graph.user';
const DEFAULT_PAGE = 100;

function shape(person: Person, select: string[] | undefined): Record<string, unknown> {
  return select ? applySelect(userJson(person), select) : defaultUserJson(person);
}

function context(deps: UserRouteDeps, select: string[] | undefined, entity: boolean): string {
  const fields = select ? `(${select.join(',')})` : '';
  return `${deps.publicBase()}/v1.0/$metadata#users${fields}${entity ? '/$entity' : ''}`;
}

function one(deps: UserRouteDeps, ctx: RequestContext, person: Person): HttpResponse {
  const select = parseSelect(queryOption(ctx.query, '$select'), deps.csdl, USER_TYPE);
  return { status: 200, body: { '@odata.context': context(deps, select, true), ...shape(person, select) } };
}

/** GET /users/{id} */
export function getUser(deps: UserRouteDeps, ctx: RequestContext): HttpResponse {
  const actor = actorOf(ctx);
  const person = resolveUser(deps.directory, ctx.params.userId ?? '');
  const isSelf = actor.kind === 'user' && actor.userId.toLowerCase() === person.id.toLowerCase();
  requirePermission(actor, isSelf ? READ_SELF : READ_ALL, 'directory');
  return one(deps, ctx, person);
}

/** GET /me */
export function getMe(deps: UserRouteDeps, ctx: RequestContext): HttpResponse {
  const me = meOf(ctx);
  requirePermission(me, READ_SELF, 'directory');
  return one(deps, ctx, resolveUser(deps.directory, me.userId));
}

/** GET /users: every user, or those matching $filter; paged by $top with @odata.nextLink. */
export function listUsers(deps: UserRouteDeps, ctx: RequestContext): HttpResponse {
  requirePermission(actorOf(ctx), READ_ALL, 'directory');
  const select = parseSelect(queryOption(ctx.query, '$select'), deps.csdl, USER_TYPE);
  const top = parseTop(queryOption(ctx.query, '$top'), 999) ?? DEFAULT_PAGE;
  const rawFilter = queryOption(ctx.query, '$filter');
  const advanced = String(ctx.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
  const filter = rawFilter === null ? undefined : userFilter(rawFilter, advanced);
  const matching = deps.directory
    .current()
    .people.filter((p) => !filter || matchesFilter(filter, userJson(p)));
  const skip = Math.max(0, Number(queryOption(ctx.query, '$skiptoken') ?? 0) || 0);
  const page = matching.slice(skip, skip + top);
  const body: Record<string, unknown> = {
    '@odata.context': context(deps, select, false),
    value: page.map((p) => shape(p, select)),
  };
  if (skip + top < matching.length) {
    const next = new URLSearchParams(ctx.query);
    next.set('$skiptoken', String(skip + top));
    body['@odata.nextLink'] = `${deps.publicBase()}/v1.0/users?${next.toString()}`;
  }
  return { status: 200, body };
}
