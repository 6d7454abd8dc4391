// The calling module's Graph services (tokens, client, typed calls/participants/meetings/presence/users
// APIs). The call model takes its port from them (callGraphFrom) and the bot's ports use the rest, so
// both share one token cache and one connection pool.
export { createGraphServices, type GraphServices, type GraphServicesOptions } from '../../calling';
