// The quick start of @switchboard/calling: a Teams calling app on plain node:http that answers every
// call with a keypad menu and places calls on request. Settings come from the environment (README.md).
import { fileURLToPath } from 'node:url';
import pino from 'pino';
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
import { readConfig } from './config.mjs';
import { createServer } from './http.mjs';
import { attachKeypadMenu } from './menu.mjs';

const log = pino({ name: 'echo-calling' });
let config;
try {
  config = readConfig();
} catch (err) {
  log.fatal(err.message);
  process.exit(1);
}
const promptsDir = new URL('./prompts/', import.meta.url);
// A prompt Graph cannot play would only fail mid-call: refuse to start instead.
await checkPrompts(fileURLToPath(promptsDir));

// One fetch for every outbound request (tokens, Graph, signing keys), trusting the extra CA if any.
const outbound = createOutbound(config.extraCa ? { extraCa: config.extraCa } : {});
const graph = createGraphServices({
  clientId: config.appId,
  clientSecret: config.appSecret,
  tenantId: config.tenantId,
  graphBaseUrl: config.graphBaseUrl,
  authorityHost: config.authorityHost,
  fetch: outbound.fetch,
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
attachKeypadMenu(calling, log.child({ module: 'menu' }));

await calling.start();
const server = createServer({ edge, calling, promptsDir, log });
server.listen(config.port, config.host, () =>
  log.info({ url: config.publicUrl }, 'echo calling example listening'),
);

async function stop() {
  server.close();
  await calling.stop();
  await outbound.close();
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    stop().then(
      () => process.exit(0),
      (err) => {
        log.error({ err }, 'could not stop cleanly');
        process.exit(1);
      },
    );
  });
