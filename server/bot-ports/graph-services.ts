// The calling module's Graph services (tokens, client, typed calls/participants/meetings/presence/users
// APIs). The call model takes its port from them (callGraphFrom) and the bot's ports use the rest, so
// both share one token cache and one connection pool.
// calling/index.ts exports callGraphFrom but not the services it is built from; until it does, this is
// the one place the app reaches into calling/graph.
// eslint-disable-next-line switchboard/boundaries
export { createGraphServices, type GraphServices, type GraphServicesOptions } from '../../calling/graph';
