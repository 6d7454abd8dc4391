// A team's members for the presence board (a tab opened in a team channel), read as the user
// (on-behalf-of) so Graph decides whether this user may see that team: the group id comes from the
// client and is never trusted on its own.
import type { TabApiParts } from '../create-tab-api';
import { TabError } from '../errors';
import { authFailure } from '../auth/auth-failure';
import type { TabGraphRequests } from '../ports';
import type { TabRoute } from '../router';
import type { TabResponse } from '../types';
import { needGraph } from './people';

// Microsoft 365 group ids are GUIDs; anything else is refused before it reaches a Graph path.
const GROUP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Graph words a missing delegated permission this way (the fix is consent, not membership).
const MISSING_SCOPE = /missing scope permissions|insufficient privileges|scopes? on the request/i;

/** An aadUserConversationMember as Graph returns it, read tolerantly. */
interface GraphMember {
  readonly '@odata.type'?: string;
  readonly userId?: string | null;
  readonly displayName?: string | null;
  readonly email?: string | null;
  readonly roles?: readonly string[] | null;
}

/** A team member in the board's person shape, plus whether they own the team. */
export function toTeamMember(m: GraphMember) {
  const id = m.userId ?? '';
  return {
    id,
    displayName: m.displayName || m.email || id,
    ...(m.email ? { mail: m.email } : {}),
    ...(m.roles?.includes('owner') ? { owner: true } : {}),
  };
}

function needRequests(graph: TabGraphRequests | undefined): TabGraphRequests {
  if (!graph)
    throw new TabError(
      503,
      'unavailable',
      'Reading team members needs Microsoft Graph requests, which this deployment does not offer.',
    );
  return graph;
}

/** Graph's refusals of the roster as the tab's answers; anything else is left to the edge. */
function refusal(err: unknown): TabResponse | TabError | undefined {
  const e = err as { code?: unknown; status?: unknown; message?: unknown };
  if (e.code === 'graph_not_found' || e.status === 404)
    return new TabError(
      404,
      'not_found',
      'This team could not be found (it may have been deleted). Reopen the tab from the team.',
    );
  if (e.code !== 'graph_permission_missing' && e.status !== 403) return undefined;
  if (MISSING_SCOPE.test(String(e.message ?? ''))) return authFailure('graph_consent');
  return new TabError(
    403,
    'forbidden',
    "You are not allowed to see this team's members (only its members may). Ask a team owner to add you.",
  );
}

export function teamRoutes(p: TabApiParts): TabRoute[] {
  return [
    {
      method: 'GET',
      pattern: '/teams/:groupId/members',
      async handle({ params, user }) {
        const groupId = params.groupId ?? '';
        if (!GROUP_ID.test(groupId))
          throw new TabError(400, 'bad_request', 'groupId: a team is named by its group id (a GUID).');
        const graph = needRequests(needGraph(p.graph).graph);
        let body: { value?: GraphMember[]; '@odata.nextLink'?: string } | undefined;
        try {
          const res = await graph.request<{ value?: GraphMember[]; '@odata.nextLink'?: string }>({
            method: 'GET',
            path: `/teams/${groupId}/members`,
            auth: { kind: 'user', userAssertion: user.assertion },
            context: { tenantId: user.tenantId },
          });
          body = res.body;
        } catch (err) {
          const r = refusal(err);
          if (r instanceof TabError) throw r;
          if (r) return r;
          throw err;
        }
        // Only Entra users have presence; other member kinds (e.g. external) have no userId here.
        const members = (body?.value ?? []).filter((m) => m.userId && m.userId !== user.id).map(toTeamMember);
        members.sort((a, b) => a.displayName.localeCompare(b.displayName));
        // The first page (Graph's default, 100) is all the board watches; say when there are more.
        return {
          status: 200,
          body: { groupId, members, ...(body?.['@odata.nextLink'] ? { more: true } : {}) },
        };
      },
    },
  ];
}
