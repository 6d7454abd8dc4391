// The people as the softphone shows them: presence as Graph reports it (`presence`), the state they
// chose themselves (`own`), their script and whether they are on a call. GET /emulator/people.
import type { HttpResponse } from '../http';
import type { Person } from '../people';
import { ok } from './body';
import type { ControlDeps } from './deps';

/** One person for the page. */
export function personSummary(deps: ControlDeps, person: Person): Record<string, unknown> {
  const presence = deps.presence;
  return {
    ...person,
    own: presence ? presence.own(person) : (person.presence ?? null),
    presence: presence ? presence.get(person) : (person.presence ?? null),
    inCall: deps.svc.engine.isEngaged(person.id),
  };
}

/** GET /emulator/people */
export function listPeople(deps: ControlDeps): HttpResponse {
  return ok({ value: deps.svc.engine.directory.current().people.map((p) => personSummary(deps, p)) });
}
