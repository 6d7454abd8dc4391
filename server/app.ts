import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createBot } from '../bot';
import {
  checkPrompts,
  createCallingKeys,
  createFlowRuntime,
  createCallsEdge,
  createKvInbox,
  createOutbound,
  createTokenVerifier,
  type BoardWatch,
  type CallFlows,
  type CallingService,
  type CallingTiming,
  type CallRecordsService,
  type ClickToCall,
  type ClickToCallTiming,
  type FlowRuntime,
  type MeetingService,
  type Notifier,
  type QueueBoards,
  type Reminders,
  type ReminderTiming,
  type WatchdogTiming,
} from '../calling';
import { openStore, type Store } from '../store';
import { createBotStorage } from './bot-storage';
import { createTabApiForApp } from '../teams-tab/api';
import { createBotPorts } from './bot-ports';
import { createFlowNotifier } from './bot-ports/flow-notifier';
import type { Config } from './config';
import type { ReadinessCheck } from './health';
import { createHttpServer } from './http/server';
import { staticFiles } from './http/static-files';
import type { Logger } from './logger';
import { messagesEdge } from './messages-edge';
import { notificationsEdge } from './notifications-edge';
import { agentPresenceNotifications, createAgentPresenceFor, followAgents } from './agent-presence';
import { buildRoutes } from './routes';
import {
  changeNotifications,
  createCalling,
  createFlows,
  createMeetings,
  createRecords,
  startCalling,
  botAuthSettings,
  createFrontDeskAndIvr,
  createQueueBoardsFor,
} from './compose';

export interface App {
  readonly store: Store;
  /** The call model; absent when MicrosoftAppId/MicrosoftAppPassword/MicrosoftAppTenantId are not set. */
  readonly calling?: CallingService;
  /** Reminder calls and click-to-call, on the call model (absent with it). */
  readonly reminders?: Reminders;
  readonly clickToCall?: ClickToCall;
  /** The one flow runtime every flow runs on (IVR, front desk, reminders), with the call model. */
  readonly flowRuntime?: FlowRuntime;
  /**
   * The front desk and the IVR (with the call model). Without FRONTDESK_CONFIG `configured` is false:
   * the front desk only answers that the line is not set up, and the bot does not offer its rules.
   */
  readonly callFlows?: CallFlows;
  /** Graph call records (subscription, summaries), with the call model. */
  readonly records?: CallRecordsService;
  /** The meetings Switchboard created (moves, cancellations, attendance), with the call model. */
  readonly meetings?: MeetingService;
  /** The call queues' boards (the chat's queue cards and the tab draw them) and their watcher. */
  readonly queueBoards?: { readonly boards: QueueBoards; readonly watch: BoardWatch };
  /** Starts serving; the call-record subscription is made once the app can answer Graph's handshake. */
  listen(): Promise<{ port: number; url: string }>;
  /** Drains requests (up to SHUTDOWN_GRACE_MS) and closes the store. Idempotent. */
  close(): Promise<void>;
}

/** What a composition may hand the app besides its configuration. */
export interface AppDeps {
  /** Where the calling flows post what happened (reminder outcomes, escalations, click-to-call results). */
  readonly notifier?: Notifier;
  /**
   * The composition takes incoming calls itself (`calling.on('incoming')`): with no FRONTDESK_CONFIG the
   * app then leaves them alone instead of answering that the line is not set up.
   */
  readonly ownIncomingCalls?: boolean;
  /** Flow timings; `backoffUnitMs` is what one unit of a reminder's backoffMinutes lasts (default 60 s). */
  readonly flows?: {
    readonly backoffUnitMs?: number;
    readonly reminders?: Partial<ReminderTiming>;
    readonly clickToCall?: Partial<ClickToCallTiming>;
    /** When the watchdog hands an answered call nothing drives to the fallback. */
    readonly watchdog?: Partial<WatchdogTiming>;
  };
  /** The call model's timings (operation and transfer timeouts, job cadences). */
  readonly calling?: Partial<CallingTiming>;
}

/** Composition root: builds every part from the configuration and wires the routes. */
export async function createApp(config: Config, logger: Logger, deps: AppDeps = {}): Promise<App> {
  // Read before the store opens, so a missing CA file fails start-up without leaving anything open.
  const extraCa = config.EXTRA_CA_FILE ? readFileSync(config.EXTRA_CA_FILE, 'utf8') : undefined;
  // A prompt Graph cannot play would only fail mid-call; refuse to start instead, naming the file.
  await checkPrompts(path.resolve(config.PROMPTS_DIR));
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    sqlitePath: path.resolve(config.SQLITE_PATH),
    logger: logger.child({ module: 'store' }),
  });
  // Every outbound request (Graph, tokens, signing keys, recordings, speech) goes through this one fetch:
  // the only place the extra CA is given.
  const outbound = createOutbound(extraCa ? { extraCa } : {});
  const { fetch } = outbound;
  const graphAccess = createCalling(config, store, logger, outbound, deps.calling);
  const calling = graphAccess?.calling;
  const records = graphAccess && createRecords(config, store, graphAccess.graph, logger);
  const agentPresence = graphAccess && createAgentPresenceFor(config, graphAccess.graph, store, logger);
  const meetings = graphAccess && createMeetings(store, graphAccess.graph, graphAccess.calling, logger);
  // Unless the composition brings its own notifier, the flows tell people through the bot (built below).
  const botNotices = createFlowNotifier();
  const flowDeps: AppDeps = { ...deps, notifier: deps.notifier ?? botNotices.notifier };
  let callFlows: CallFlows | undefined;
  try {
    callFlows =
      calling &&
      (await createFrontDeskAndIvr(
        config,
        calling,
        store,
        logger,
        flowDeps,
        fetch,
        graphAccess.graph,
        agentPresence,
      ));
  } catch (err) {
    // A bad front desk or menu file stops start-up (the error names the file, line and key).
    await store.close();
    throw err;
  }
  // One runtime for every flow: the front desk's, or one of their own when the composition takes
  // incoming calls itself.
  const ownRuntime = calling && !callFlows ? createFlowRuntime({ calling, store, logger }) : undefined;
  const flowRuntime = callFlows?.runtime ?? ownRuntime;
  const flows = calling && flowRuntime && createFlows(config, calling, store, logger, flowDeps, flowRuntime);
  const queues =
    callFlows &&
    graphAccess &&
    createQueueBoardsFor(callFlows, store, graphAccess.graph, logger, agentPresence);
  // Without Graph credentials the bot has no ports and answers every command with "not set up here".
  const botPorts =
    graphAccess &&
    meetings &&
    createBotPorts({
      calling: graphAccess.calling,
      graph: graphAccess.graph,
      meetings,
      kv: store.kv,
      logger: logger.child({ module: 'bot-ports' }),
      ...(flows ? { reminders: flows.reminders, clickToCall: flows.clickToCall } : {}),
      ...(callFlows?.configured ? { frontDesk: callFlows.frontDesk } : {}),
      ...(queues ? { queues } : {}),
      ...(config.PSTN_RESOURCE_ACCOUNT_ID
        ? {
            pstnSource: {
              applicationInstance: config.PSTN_RESOURCE_ACCOUNT_ID,
              displayName: config.PSTN_RESOURCE_ACCOUNT_NAME,
            },
          }
        : {}),
    });
  const bot = createBot({
    auth: botAuthSettings(config),
    logger: logger.child({ module: 'bot' }),
    ...(botPorts ? { ports: botPorts.ports } : {}),
    // Conversation references and live call cards live in the app's database, so a restart loses nothing.
    storage: createBotStorage(store),
  });
  botNotices.attach(bot.notifier);
  const callingKeys = createCallingKeys({
    openIdConfigUrl: config.CALLING_OPENID_CONFIG_URL,
    fetch,
    logger: logger.child({ module: 'calling-keys' }),
  });
  const readiness: ReadinessCheck[] = [
    { name: 'store', check: () => store.ping() },
    { name: 'calling-keys', check: () => callingKeys.ensureReady() },
  ];
  const calls = createCallsEdge({
    verifier: createTokenVerifier({
      keys: callingKeys,
      appId: config.MicrosoftAppId,
      ...(config.TENANT_ALLOWLIST ? { tenantAllowlist: config.TENANT_ALLOWLIST } : {}),
    }),
    // Without Graph credentials nothing could be processed (and the verifier refuses every token).
    inbox: calling ? calling.inbox : createKvInbox(store.kv),
    logger: logger.child({ module: 'calls-webhook' }),
  });
  const tab = createTabApiForApp({
    appId: config.MicrosoftAppId,
    tenantId: config.MicrosoftAppTenantId,
    ...(config.TENANT_ALLOWLIST ? { tenantAllowlist: config.TENANT_ALLOWLIST } : {}),
    ...(config.TAB_API_AUDIENCE ? { audience: config.TAB_API_AUDIENCE } : {}),
    publicUrl: config.publicUrl,
    authorityHost: config.ENTRA_AUTHORITY_HOST,
    fetch,
    logger: logger.child({ module: 'tab-api' }),
    ...(graphAccess ? { calling: graphAccess.calling, graph: graphAccess.graph } : {}),
    ...(flows ? { clickToCall: flows.clickToCall } : {}),
    ...(meetings ? { meetings } : {}),
    records: store.callRecords,
    ...(queues ? { queues } : {}),
  });
  const routes = [
    // Synthesized text prompts; listed before /prompts/* so the prompt set's folder does not shadow them.
    {
      method: 'GET' as const,
      path: '/prompts/tts/*',
      handle: staticFiles(path.resolve(config.TTS_CACHE_DIR), '/prompts/tts', { maxAgeSeconds: 3600 }),
    },
    ...buildRoutes({
      messages: messagesEdge(bot),
      calls,
      // Change notifications: call records (the calling module), agents' presence (the queues), presence
      // changes (the tab's live board).
      notifications: notificationsEdge(
        changeNotifications(records, agentPresenceNotifications(agentPresence, tab.notifications, logger)),
      ),
      tabApi: tab.edge,
      tabDir: path.resolve(config.TAB_DIR),
      promptsDir: path.resolve(config.PROMPTS_DIR),
      readiness,
    }),
  ];
  const http = createHttpServer(routes, logger.child({ module: 'http' }));
  if (calling) await startCalling(calling, store);
  meetings?.start();
  await flows?.clickToCall.start();
  // The reminder flow is registered by now: the runtime's first sweep resumes reminders too.
  await callFlows?.start();
  await ownRuntime?.start();
  let closing: Promise<void> | undefined;
  return {
    store,
    ...(calling ? { calling } : {}),
    ...(flows ?? {}),
    ...(callFlows ? { callFlows } : {}),
    ...(flowRuntime ? { flowRuntime } : {}),
    ...(records ? { records } : {}),
    ...(meetings ? { meetings } : {}),
    ...(queues ? { queueBoards: { boards: queues.boards, watch: queues.watch } } : {}),
    async listen() {
      const address = await http.listen(config.PORT, config.HOST);
      await records?.start();
      // Graph's validation handshake needs the server listening; the queues work on meanwhile.
      if (agentPresence && callFlows) followAgents(agentPresence, callFlows, logger);
      return address;
    },
    close: () =>
      (closing ??= (async () => {
        tab.close();
        await http.close(config.SHUTDOWN_GRACE_MS);
        bot.close();
        botPorts?.close();
        queues?.watch.stop();
        await flows?.clickToCall.stop();
        await agentPresence?.stop();
        await callFlows?.stop();
        await ownRuntime?.stop();
        await records?.stop();
        await meetings?.stop();
        await calling?.stop();
        await store.close();
        await outbound.close();
      })()),
  };
}
