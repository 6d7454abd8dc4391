// The part builders the composition root (app.ts) puts together: calling, flows, text prompts, bot auth.
import path from 'node:path';
import type { BotAuthSettings } from '../bot';
import {
  callGraphFrom,
  canReceiveNotifications,
  createCallRecords,
  createCallingService,
  createCallFlows,
  createClickToCall,
  createLoggingNotifier,
  createPromptCache,
  createPromptResourceIds,
  createRecordingFetcher,
  createReminders,
  createMeetingService,
  cachedPresence,
  createQueueBoards,
  watchBoards,
  KV_INBOX_NAMESPACE,
  readKvInbox,
  type CallFlows,
  type CallingService,
  type CallingTiming,
  type Fetch,
  type Outbound,
  type CallRecordsService,
  type FlowRuntime,
  type MeetingService,
  type PresenceChanges,
  type BoardPresenceReader,
  type TextPrompts,
} from '../calling';
import { type Store } from '../store';
import { createEspeakSynthesizer } from '../tts-espeak';
import { createGraphServices, type GraphServices } from './bot-ports/graph-services';
import type { AppDeps } from './app';
import type { Config } from './config';
import type { Edge } from './http/types';
import type { Logger } from './logger';
import { speechRecognition } from './speech';

/** The call model and the Graph services it runs on, when the app has credentials. */
export function createCalling(
  config: Config,
  store: Store,
  logger: Logger,
  outbound: Pick<Outbound, 'fetch' | 'sendText'>,
  timing?: Partial<CallingTiming>,
): { calling: CallingService; graph: GraphServices } | undefined {
  const { MicrosoftAppId: appId, MicrosoftAppPassword: secret, MicrosoftAppTenantId: tenantId } = config;
  if (!appId || !secret || !tenantId) {
    logger.warn('calling is off: MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId are needed');
    return undefined;
  }
  const graph = createGraphServices({
    clientId: appId,
    clientSecret: secret,
    tenantId,
    graphBaseUrl: config.GRAPH_BASE_URL,
    authorityHost: config.ENTRA_AUTHORITY_HOST,
    fetch: outbound.fetch,
    sendText: outbound.sendText,
    logger,
  });
  const calling = createCallingService({
    store,
    graph: callGraphFrom(graph),
    logger,
    appId,
    tenantId,
    callbackUrl: `${config.publicUrl}/api/calls`,
    promptsBaseUrl: `${config.publicUrl}/prompts`,
    // Graph caches prompt media by resourceId: one per file content, for the files the app serves.
    promptResourceId: createPromptResourceIds([
      { baseUrl: `${config.publicUrl}/prompts`, dir: path.resolve(config.PROMPTS_DIR) },
      { baseUrl: `${config.publicUrl}/prompts/tts`, dir: path.resolve(config.TTS_CACHE_DIR) },
    ]),
    ...(timing ? { timing } : {}),
  });
  return { calling, graph };
}

/**
 * The meetings Switchboard creates, shared by the bot and the tab: moves, cancellations, and attendance
 * read after a meeting ends (and as soon as the app's call in it ends).
 */
export function createMeetings(
  store: Store,
  graph: GraphServices,
  calling: CallingService,
  logger: Logger,
): MeetingService {
  return createMeetingService({
    store,
    graph: {
      updateMeeting: graph.meetings.updateMeeting,
      deleteMeeting: graph.meetings.deleteMeeting,
      listAttendanceReports: graph.attendance.listAttendanceReports,
      getAttendanceReport: graph.attendance.getAttendanceReport,
    },
    calls: calling,
    logger: logger.child({ module: 'meetings' }),
  });
}

/** The flows that run on the call model: reminder calls and click-to-call, both on `runtime`. */
export function createFlows(
  config: Config,
  calling: CallingService,
  store: Store,
  logger: Logger,
  deps: AppDeps,
  runtime: FlowRuntime,
) {
  const common = {
    store,
    calling,
    logger,
    // The reminder's message and "connecting you to B" are spoken with the same text prompts as the IVR.
    voice: textPrompts(config),
    ...(deps.notifier ? { notifier: deps.notifier } : {}),
    ...(config.NOTIFY_TARGET ? { notifyTarget: config.NOTIFY_TARGET } : {}),
  };
  return {
    reminders: createReminders({
      ...common,
      runtime,
      ...(deps.flows?.backoffUnitMs ? { backoffUnitMs: deps.flows.backoffUnitMs } : {}),
      ...(deps.flows?.reminders ? { timing: deps.flows.reminders } : {}),
    }),
    clickToCall: createClickToCall({
      ...common,
      runtime,
      ...(deps.flows?.clickToCall ? { timing: deps.flows.clickToCall } : {}),
    }),
  };
}

/**
 * The call queues as people see them (chat cards, the tab): one board per queue from the store, and the
 * watcher that reports changed boards. The watcher reads Graph presence again only when the agents'
 * presence subscription reports a change, or every 60 s. Undefined without queues.
 */
export function createQueueBoardsFor(
  flows: CallFlows,
  store: Store,
  graph: GraphServices,
  logger: Logger,
  presenceChanges?: PresenceChanges,
) {
  if (Object.keys(flows.queues).length === 0) return undefined;
  const queueStore = store.queues;
  const over = (presence: BoardPresenceReader) =>
    createQueueBoards({
      queues: flows.queues,
      directory: () => flows.frontDesk.directory(),
      store: queueStore,
      presence,
    });
  const boards = over(graph.presence);
  const watched = over(cachedPresence(graph.presence, presenceChanges ? { changes: presenceChanges } : {}));
  const watch = watchBoards(watched, { log: logger.child({ module: 'queue-boards' }) });
  return { boards, watch, store: queueStore };
}

/** Takes over batches the kv inbox kept (from a build without the call model), then resumes every call. */
export async function startCalling(calling: CallingService, store: Store): Promise<void> {
  for (const { key, batch } of await readKvInbox(store.kv)) {
    await calling.inbox.accept(batch);
    await store.kv.delete(KV_INBOX_NAMESPACE, key);
  }
  await calling.start();
}

/** botbuilder's own settings. In local mode the app id is withheld so Bot Framework auth is off. */
export function botAuthSettings(config: Config): BotAuthSettings {
  if (config.SWITCHBOARD_MODE === 'local') return {};
  return {
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
    MicrosoftAppType: config.MicrosoftAppType,
    ToBotFromChannelOpenIdMetadataUrl: config.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: config.ToBotFromChannelTokenIssuer,
  };
}

/** Text prompts synthesized with eSpeak NG into TTS_CACHE_DIR, served at /prompts/tts/ (content-addressed). */
export function textPrompts(config: Config): TextPrompts {
  return createPromptCache({
    synthesizer: createEspeakSynthesizer({ voice: config.TTS_VOICE }),
    dir: path.resolve(config.TTS_CACHE_DIR),
    baseUrl: `${config.publicUrl}/prompts/tts`,
  });
}

/**
 * The front desk and the IVR from FRONTDESK_CONFIG's rules file. Without one, the front desk answers
 * every incoming call with "this line is not set up yet" and hangs up (a caller is never left ringing),
 * unless the composition takes incoming calls itself. Text prompts are synthesized with eSpeak NG into
 * TTS_CACHE_DIR (served at /prompts/tts/). Without a notifier from the composition, IVR notifications
 * are only logged.
 */
export async function createFrontDeskAndIvr(
  config: Config,
  calling: CallingService,
  store: Store,
  logger: Logger,
  deps: AppDeps,
  fetch: Fetch,
  graph?: GraphServices,
  presenceChanges?: PresenceChanges,
): Promise<CallFlows | undefined> {
  if (!config.FRONTDESK_CONFIG) {
    if (deps.ownIncomingCalls) {
      logger.info({}, 'front desk is off: this composition takes incoming calls itself');
      return undefined;
    }
    logger.warn(
      {},
      'no front desk is configured (FRONTDESK_CONFIG is unset): every incoming call is answered with ' +
        '"this line is not set up yet" and hung up. Set FRONTDESK_CONFIG to a rules file, e.g. ' +
        './config/frontdesk.yaml (see config/README.md), to route calls',
    );
  }
  return createCallFlows({
    calling,
    store,
    logger,
    ...(config.FRONTDESK_CONFIG ? { frontDeskFile: path.resolve(config.FRONTDESK_CONFIG) } : {}),
    ivrDir: path.resolve(config.IVR_DIR),
    ...(config.QUEUES_CONFIG ? { queuesFile: path.resolve(config.QUEUES_CONFIG) } : {}),
    // Queues ring only agents whose presence is Available.
    ...(graph ? { presence: graph.presence } : {}),
    ...(presenceChanges ? { presenceChanges } : {}),
    promptsDir: path.resolve(config.PROMPTS_DIR),
    tts: textPrompts(config),
    notifier: deps.notifier ?? createLoggingNotifier(logger.child({ module: 'notify' })),
    ...(config.NOTIFY_TARGET ? { notifyTarget: config.NOTIFY_TARGET } : {}),
    fetchRecording: createRecordingFetcher({ fetch }),
    ...speechRecognition(config, fetch),
    ...(deps.flows?.watchdog ? { watchdog: deps.flows.watchdog } : {}),
  });
}

/**
 * Graph call records: the app-only subscription (when PUBLIC_URL is somewhere Graph can post to),
 * fetching and summarising records, and the reconcile on start.
 */
export function createRecords(
  config: Config,
  store: Store,
  graph: GraphServices,
  logger: Logger,
): CallRecordsService {
  const reachable = canReceiveNotifications(config.publicUrl);
  return createCallRecords({
    store,
    graph: graph.graph,
    ...(reachable ? { notificationUrl: `${config.publicUrl}/api/notifications` } : {}),
    logger: logger.child({ module: 'call-records' }),
  });
}

/** Change notifications: call-record ones to the records service, then the rest (presence) to `next`. */
export function changeNotifications(records: CallRecordsService | undefined, next: Edge): Edge {
  if (!records) return next;
  return async (req) => {
    let body: unknown;
    try {
      body = await req.json();
    } catch {
      // `next` answers the malformed body with its 400 (and says why); nothing here could use it either.
      return next(req);
    }
    await records.accept(body);
    return next(req);
  };
}
