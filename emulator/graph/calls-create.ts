// POST /communications/calls: validate, check the permission the scenario needs, answer 201 with the
// call in `establishing`, then run the scenario's flow.
import { GraphError, jsonBody, requireAnyRole, callerOf } from '../http';
import type { HttpResponse, RequestContext } from '../http';
import { botInfo, createCallRecord } from './call-factory';
import { startGroup, startMeetingJoin, startP2P } from './call-flows';
import { scenarioOf, sourceInstance } from './create-scenario';
import type { Json } from './model';
import { isServiceHosted } from './model';
import { callJson } from './serialize';
import { appOf } from './service';
import type { GraphService } from './service';
import { checkCallbackUri } from './validate';

const obj = (v: unknown): Json | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;

/** Handles POST /communications/calls. */
export function createCall(svc: GraphService, ctx: RequestContext): HttpResponse {
  const app = appOf(svc, ctx);
  const caller = callerOf(ctx);
  const body = jsonBody(ctx, false);
  svc.validator.createCall(body);
  const callbackUri = checkCallbackUri(body.callbackUri);
  const { directory } = svc.engine;
  const instance = sourceInstance(body, app.appId, directory);
  const scenario = scenarioOf(body, directory, instance);
  requireAnyRole(caller, scenario.roles);
  const mediaConfig = obj(body.mediaConfig);
  if (mediaConfig && /appHostedMediaConfig$/i.test(String(mediaConfig['@odata.type'] ?? '')))
    requireAnyRole(caller, ['Calls.AccessMedia.All']);
  const tenantId = directory.current().tenantId;
  if (typeof body.tenantId === 'string' && body.tenantId.toLowerCase() !== tenantId.toLowerCase()) {
    throw new GraphError(
      403,
      '7504',
      `The call's tenantId '${body.tenantId}' is not the tenant of the calling application.`,
    );
  }
  const me = botInfo(app, instance ? { ...instance, tenantId } : undefined);
  const targets = (Array.isArray(body.targets) ? body.targets : []).map((t) => ({
    '@odata.type': '#microsoft.graph.invitationParticipantInfo',
    endpointType: null,
    replacesCallId: null,
    ...(t as Json),
  }));
  const call = createCallRecord(
    svc.engine,
    {
      appId: app.appId,
      tenantId,
      direction: 'outgoing',
      state: 'establishing',
      kind: scenario.kind,
      callbackUri,
      source: obj(body.source) ?? { ...me, region: null, languageId: null },
      targets,
      requestedModalities: (body.requestedModalities as string[]) ?? ['audio'],
      mediaConfig,
      chatInfo: obj(body.chatInfo),
      meetingInfo: obj(body.meetingInfo),
      subject: typeof body.subject === 'string' ? body.subject : null,
      callOptions: obj(body.callOptions),
      remotePersonId: scenario.kind === 'p2p' ? scenario.target?.id : undefined,
      pstn: scenario.kind === 'p2p' && scenario.pstn,
      applicationInstanceId: instance?.id,
      meetingId: scenario.kind === 'meeting' ? scenario.meeting.id : undefined,
    },
    me,
  );
  svc.engine.note(call, 'note', {
    event: 'created',
    scenario: scenario.kind,
    serviceHostedMedia: isServiceHosted(call),
  });
  if (scenario.kind === 'p2p') startP2P(svc.engine, call, scenario.target, svc.actions);
  else if (scenario.kind === 'group') startGroup(svc.engine, call, scenario.targets, svc.actions);
  else {
    const attendees = scenario.meeting.attendeesInMeeting
      .map((id) => directory.person(id))
      .filter((p) => p !== undefined);
    startMeetingJoin(svc.engine, call, attendees);
  }
  const base = svc.engine.deps.publicBase();
  return {
    status: 201,
    headers: { Location: `${base}/v1.0/communications/calls/${call.id}` },
    body: { '@odata.context': `${base}/v1.0/$metadata#app/calls/$entity`, ...callJson(call) },
  };
}
