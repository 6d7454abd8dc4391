export type {
  CallInbox,
  InboundBatch,
  ParsedNotification,
  ResourceKind,
  ChangeType,
  ResultInfo,
} from './types';
export { createCallsEdge, type CallsEdgeDeps } from './webhook/calls-edge';
export { createCallingKeys, type CallingKeys, type CallingKeysOptions } from './webhook/openid-keys';
export { createTokenVerifier, type TokenVerifierOptions } from './webhook/verify-token';
export { createKvInbox, readKvInbox, KV_INBOX_NAMESPACE } from './webhook/kv-inbox';
export type { CallsRequest, CallsResponse, TokenVerifier, WebhookLogger } from './webhook/types';
