// Who may call the directory, presence, meeting, call-record and subscription resources: the caller
// (app or signed-in user), the permissions each request accepts and Graph's refusals.
export { actorOf, isDelegated, meOf } from './caller';
export type { Actor } from './caller';
export { denied, requirePermission } from './permissions';
export type { Denial, Needs } from './permissions';
