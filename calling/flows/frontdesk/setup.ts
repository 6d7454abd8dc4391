// Builds the front desk, the IVR and the flow runtime from their files (load-files.ts), or, with no
// front desk file, the front desk of a line that is not set up (not-set-up.ts).
import type { CallingApi, CoreLogger } from '../../core';
import type { CallingStorage } from '../../storage';
import {
  createEnergyAnalyser,
  forgetRecordings,
  type RecordingAnalyser,
  type RecordingFetcher,
} from '../analysis';
import {
  createIvrFlow,
  GOODBYE_TEXT,
  PUT_THROUGH_TEXT,
  type Menu,
  type MenuSet,
  type Notifier,
} from '../ivr';
import {
  QUEUE_PUT_THROUGH_TEXT,
  registerQueues,
  THANKS_TEXT,
  type PresenceChanges,
  type PresenceReader,
  type QueuesFile,
} from '../queue';
import { createFlowRuntime, createWatchdog, type FlowRuntime, type WatchdogTiming } from '../runtime';
import type { SpeechRecogniser } from '../speech';
import type { TextPrompts } from '../tts';
import { createFrontDesk, type FrontDesk } from './front-desk';
import { loadCallFlowFiles } from './load-files';
import { NOT_SET_UP } from './not-set-up';
import { createRescue } from './rescue';

export interface CallFlowsOptions {
  readonly calling: CallingApi;
  readonly store: CallingStorage;
  readonly logger: CoreLogger;
  /** The front desk's rules (YAML or JSON); without it the line answers that it is not set up and hangs up. */
  readonly frontDeskFile?: string;
  /** The folder of IVR menus. */
  readonly ivrDir: string;
  /** The prompt folder, to check the prompt names menus use. */
  readonly promptsDir?: string;
  /** The call queues (needs the front desk file: agents are its people). */
  readonly queuesFile?: string;
  /** Agents' presence for the queues (only Available agents are rung). */
  readonly presence?: PresenceReader;
  /** Agents' presence changes: an agent whose presence changed is offered to their queues at once. */
  readonly presenceChanges?: PresenceChanges;
  readonly tts?: TextPrompts;
  readonly notifier: Notifier;
  readonly notifyTarget?: string;
  readonly fetchRecording: RecordingFetcher;
  readonly analyser?: RecordingAnalyser;
  /** Recognises what callers say at listen nodes; without it they go by keys (and their no-match path). */
  readonly recogniser?: SpeechRecogniser;
  /** The recognition language when neither the menu nor the caller names one (default en-US). */
  readonly speechLanguage?: string;
  /** When the watchdog hands an undriven answered call to the fallback (default 45 s idle, 10 s sweeps). */
  readonly watchdog?: Partial<WatchdogTiming>;
}

/** The front desk and the IVR, ready to start. */
export interface CallFlows {
  /** false when no front desk file was given: the front desk only answers that the line is not set up. */
  readonly configured: boolean;
  readonly frontDesk: FrontDesk;
  readonly runtime: FlowRuntime;
  readonly menus: MenuSet;
  /** The queues from the queues file, checked against the front desk's people (none without one). */
  readonly queues: QueuesFile['queues'];
  /** Resumes flows of live calls, then takes incoming calls. */
  start(): Promise<void>;
  /** Resolves once the menus' text prompts are synthesized (start() begins that in the background). */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

/** Loads and checks the files and wires the flows; throws ConfigFileError naming the file, line and key. */
export async function createCallFlows(opts: CallFlowsOptions): Promise<CallFlows> {
  const log = opts.logger.child({ module: 'calling.flows' });
  const { fileConfig, menus, queues } = opts.frontDeskFile
    ? await loadCallFlowFiles({
        frontDeskFile: opts.frontDeskFile,
        ivrDir: opts.ivrDir,
        ...(opts.promptsDir ? { promptsDir: opts.promptsDir } : {}),
        ...(opts.queuesFile ? { queuesFile: opts.queuesFile } : {}),
      })
    : { fileConfig: NOT_SET_UP, menus: new Map<string, Menu>(), queues: {} };
  if (opts.queuesFile && !opts.frontDeskFile)
    log.warn(
      {},
      'QUEUES_CONFIG is set but FRONTDESK_CONFIG is not: queues need the front desk (their agents are its people), so none is loaded',
    );
  const runtime = createFlowRuntime({
    calling: opts.calling,
    store: opts.store,
    logger: opts.logger,
    // Built below: the rescue needs the runtime, which calls it.
    rescue: () => rescue,
  });
  const fallback = async () => (await frontDesk.current()).config.fallback;
  const enterQueue = registerQueues(runtime, {
    queues,
    calling: opts.calling,
    store: opts.store,
    ...(opts.presence ? { presence: opts.presence } : {}),
    ...(opts.presenceChanges ? { presenceChanges: opts.presenceChanges } : {}),
    // Read when a ring is asked for; frontDesk is built below.
    directory: () => frontDesk.directory(),
    logger: opts.logger,
    notifier: opts.notifier,
    ...(opts.tts ? { tts: opts.tts } : {}),
  });
  runtime.register(
    createIvrFlow({
      menus,
      // Read when a call needs it; frontDesk is built just below.
      directory: () => frontDesk.directory(),
      ...(opts.tts ? { tts: opts.tts } : {}),
      notifier: opts.notifier,
      ...(opts.notifyTarget ? { notifyTarget: opts.notifyTarget } : {}),
      fallback,
      ...(enterQueue ? { enterQueue } : {}),
      ...(opts.recogniser
        ? { speech: { recogniser: opts.recogniser, language: opts.speechLanguage ?? 'en-US' } }
        : {}),
      recording: {
        fetchRecording: opts.fetchRecording,
        analyser: opts.analyser ?? createEnergyAnalyser(),
        forget: (callId) => forgetRecordings(opts.store, callId),
      },
    }),
  );
  const frontDesk = createFrontDesk({
    calling: opts.calling,
    store: opts.store,
    runtime,
    logger: opts.logger,
    fileConfig,
    menus,
    ...(enterQueue ? { enterQueue } : {}),
    queueNames: new Set(Object.keys(queues)),
  });
  const rescue = createRescue({ calling: opts.calling, runtime, logger: opts.logger, fallback });
  const watchdog = createWatchdog({
    calling: opts.calling,
    store: opts.store,
    logger: opts.logger,
    rescue,
    ...(opts.watchdog ? { timing: opts.watchdog } : {}),
  });

  async function warmTextPrompts(): Promise<void> {
    if (!opts.tts) return;
    const texts = new Map<string, string | undefined>();
    const visit = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (typeof v === 'object' && v !== null) {
        const o = v as Record<string, unknown>;
        if (typeof o['say'] === 'string')
          texts.set(o['say'], typeof o['voice'] === 'string' ? o['voice'] : undefined);
        else Object.values(o).forEach(visit);
      }
    };
    visit([...menus.values()]);
    visit(fileConfig.rules);
    visit(Object.values(queues));
    visit([GOODBYE_TEXT, PUT_THROUGH_TEXT, THANKS_TEXT, QUEUE_PUT_THROUGH_TEXT].map((say) => ({ say })));
    for (const [text, voice] of texts) {
      await opts.tts
        .url(text, voice ? { voice } : {})
        .catch((err: unknown) => log.warn({ err, text }, 'a text prompt could not be synthesized'));
    }
  }

  let warmed: Promise<void> = Promise.resolve();
  return {
    configured: opts.frontDeskFile !== undefined,
    frontDesk,
    runtime,
    menus,
    queues,
    ready: () => warmed,
    async start() {
      await runtime.start();
      await frontDesk.start();
      await watchdog.start();
      // Text prompts are made ahead of the first call that needs them; a failure only gets logged here.
      warmed = warmTextPrompts();
      const listening = [...menus.values()].some((m) => Object.values(m.nodes).some((n) => n.listen));
      if (listening && !opts.recogniser)
        log.warn(
          {},
          'a menu listens for speech but no recogniser is configured: callers can only press keys there. ' +
            'Set SPEECH_REGION and SPEECH_KEY (or SPEECH_ENDPOINT) for Azure AI Speech',
        );
      log.info(
        {
          menus: [...menus.keys()],
          rules: fileConfig.rules.length,
          queues: Object.keys(queues),
          configured: opts.frontDeskFile !== undefined,
        },
        'front desk and IVR ready',
      );
    },
    async stop() {
      frontDesk.stop();
      await watchdog.stop();
      await runtime.stop();
    },
  };
}
