// Control API: generated people, so that a load test can place hundreds of calls from distinct callers.
import type { HttpResponse, RequestContext } from '../http';
import { MAX_GENERATED, parseScript } from '../people';
import { controlBody, controlError, ok } from './body';
import type { ControlDeps } from './deps';

/** POST /emulator/people {"count":200, "namePrefix"?, "script"?}: adds people until the next reset. */
export function addPeople(deps: ControlDeps, ctx: RequestContext): HttpResponse {
  const body = controlBody(ctx);
  const count = body.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_GENERATED)
    throw controlError(`"count" must be a whole number from 1 to ${MAX_GENERATED}.`);
  if (body.namePrefix !== undefined && (typeof body.namePrefix !== 'string' || !body.namePrefix.trim()))
    throw controlError('"namePrefix" must be a non-empty string, e.g. "Caller".');
  let script;
  if (body.script !== undefined) {
    const parsed = parseScript(body.script);
    if (!parsed.ok) throw controlError(`Invalid script: ${parsed.message}`);
    script = parsed.script;
  }
  const people = deps.svc.engine.directory.addGenerated(count, {
    ...(typeof body.namePrefix === 'string' ? { namePrefix: body.namePrefix.trim() } : {}),
    ...(script ? { script } : {}),
  });
  return ok(
    {
      value: people.map((p) => ({
        id: p.id,
        displayName: p.displayName,
        userPrincipalName: p.userPrincipalName,
        script: p.script,
      })),
    },
    201,
  );
}
