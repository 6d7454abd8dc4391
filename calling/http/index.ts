// Outbound HTTP for the calling module: one fetch over one undici dispatcher, and what its failures mean.
export { createOutbound, defaultFetch, sendTextVia } from './outbound';
export type { Fetch, Outbound, OutboundOptions, SendText, TextAnswer, TextRequest } from './outbound';
export { reasonOf, transportError, TransportError } from './transport-error';
export { readLimited } from './read-limited';
export { withDeadline } from './deadline';
