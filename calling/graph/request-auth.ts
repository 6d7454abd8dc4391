// The token source of one request, handed to graph-client's authentication link. A token failure is
// recorded on the request's state, because graph-client re-wraps whatever the link throws.
import type { AuthenticationProvider } from '@microsoft/microsoft-graph-client';
import { CallingError } from '../errors';
import type { TokenProvider } from './app-token';
import type { RequestState } from './request-state';
import type { GraphRequestSpec } from './types';

/** The app's token for the request's tenant, or the user's via on-behalf-of. */
export function tokenSourceFor(
  spec: GraphRequestSpec,
  tokens: TokenProvider,
  state: RequestState,
): AuthenticationProvider {
  const tenantId = spec.context?.tenantId;
  const auth = spec.auth ?? { kind: 'app' };
  return {
    getAccessToken: async () => {
      try {
        return auth.kind === 'app'
          ? await tokens.appToken(tenantId)
          : await tokens.onBehalfOf(auth.userAssertion, { tenantId, scopes: auth.scopes });
      } catch (err) {
        state.failure =
          err instanceof CallingError
            ? err
            : new CallingError('graph_auth_failed', `Could not get a token: ${String(err)}`, { cause: err });
        throw err;
      }
    },
  };
}
