// The calling parts, from @switchboard/calling's public API alone: one outbound fetch, the Graph client
// and its token, the call model on the memory storage, and the webhook that feeds it.
import { fileURLToPath } from 'node:url';
import {
  checkPrompts,
  createCallingKeys,
  createCallingService,
  createCallsEdge,
  createGraphServices,
  createMemoryStorage,
  createOutbound,
  createPromptResourceIds,
  createTokenVerifier,
  callGraphFrom,
} from '@switchboard/calling';

/** Builds the calling service and its webhook; `promptsDir` is a file: URL ending in a slash. */
export async function createCalling(config, promptsDir, log) {
  // A prompt Graph cannot play would only fail mid-call: refuse to start instead.
  await checkPrompts(fileURLToPath(promptsDir));
  // One dispatcher for every outbound request (tokens, Graph, signing keys), trusting the extra CA if any;
  // Graph's requests go through its sendText, the rest through its fetch.
  const outbound = createOutbound(config.extraCa ? { extraCa: config.extraCa } : {});
  const graph = createGraphServices({
    clientId: config.appId,
    clientSecret: config.appSecret,
    tenantId: config.tenantId,
    graphBaseUrl: config.graphBaseUrl,
    authorityHost: config.authorityHost,
    fetch: outbound.fetch,
    sendText: outbound.sendText,
    logger: log,
  });
  const promptsBaseUrl = `${config.publicUrl}/prompts`;
  const calling = createCallingService({
    store: createMemoryStorage(),
    graph: callGraphFrom(graph),
    logger: log,
    appId: config.appId,
    tenantId: config.tenantId,
    callbackUrl: `${config.publicUrl}/api/calls`,
    promptsBaseUrl,
    promptResourceId: createPromptResourceIds([{ baseUrl: promptsBaseUrl, dir: fileURLToPath(promptsDir) }]),
  });
  // The webhook takes only notifications signed by the calling service for this app.
  const edge = createCallsEdge({
    verifier: createTokenVerifier({
      keys: createCallingKeys({
        openIdConfigUrl: config.callingOpenIdConfigUrl,
        fetch: outbound.fetch,
        logger: log,
      }),
      appId: config.appId,
    }),
    inbox: calling.inbox,
    logger: log.child({ module: 'webhook' }),
  });
  return { calling, edge, close: () => outbound.close() };
}
