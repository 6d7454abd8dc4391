// The Graph call service: the engine plus media, validation and recordings, as the route handlers see it.
import type { CsdlModel } from '../csdl';
import { GraphError, callerOf, notFound, requireAppToken } from '../http';
import type { RequestContext } from '../http';
import type { AppRegistration } from '../people';
import { CallEngine } from './engine';
import type { EngineDeps } from './engine-types';
import { MediaService } from './media-service';
import type { CallRec } from './model';
import { personActions } from './person-events';
import type { PersonActions } from './person-session';
import { PromptAudioStore } from './prompt-audio';
import { PromptMediaCache } from './prompt-cache';
import type { MediaPort } from './prompt-media';
import { RecordingStore } from './recordings';
import { GraphValidator } from './validate';

export interface GraphService {
  engine: CallEngine;
  media: MediaService;
  validator: GraphValidator;
  recordings: RecordingStore;
  /** The audio of prompts being played, served to the softphone page. */
  promptAudio: PromptAudioStore;
  actions: PersonActions;
  mediaPort: MediaPort;
}

/** Builds the call service. */
export function createGraphService(deps: EngineDeps & { csdl: CsdlModel; media: MediaPort }): GraphService {
  const engine = new CallEngine(deps);
  const recordings = new RecordingStore(deps.publicBase);
  const promptAudio = new PromptAudioStore();
  // Graph keeps prompts by resourceId (prompt-cache.ts): every media job shares one cache.
  const mediaPort: MediaPort = { ...deps.media, cache: new PromptMediaCache() };
  const media = new MediaService(engine, mediaPort, recordings, promptAudio);
  return {
    engine,
    media,
    recordings,
    promptAudio,
    validator: new GraphValidator(deps.csdl),
    actions: personActions(engine, media),
    mediaPort,
  };
}

/** The app registration behind the request's token (403 when the tenant does not know it). */
export function appOf(svc: GraphService, ctx: RequestContext): AppRegistration {
  const caller = callerOf(ctx);
  requireAppToken(caller);
  const app = svc.engine.directory.app(caller.appid);
  if (!app) throw new GraphError(403, '7503', 'Application is not registered in our store.');
  return app;
}

/** The live call named by the path, owned by the calling app; 404 otherwise (also once it has ended). */
export function liveCall(svc: GraphService, ctx: RequestContext): CallRec {
  const app = appOf(svc, ctx);
  const id = ctx.params.callId ?? '';
  const call = svc.engine.find(id);
  if (!call || call.appId.toLowerCase() !== app.appId.toLowerCase() || call.state === 'terminated') {
    throw notFound(`The call '${id}' does not exist or has ended.`);
  }
  return call;
}
