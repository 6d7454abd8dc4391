// Entra ID as the emulator speaks it: OpenID documents, signing keys, the token endpoint,
// Graph bearer-token checks and the calling service's notification signer.
export type {
  Entra,
  EntraApp,
  EntraOptions,
  EntraPerson,
  EntraRequest,
  EntraResponse,
  EntraTenant,
  GraphTokenCheck,
  GraphTokenClaims,
  UserTokenOptions,
} from './types';
export { GRAPH_APP_ID, GRAPH_RESOURCE } from './types';
export { createEntra } from './create-entra';
export { CALLING_ISSUER } from './calling-keys';
