// The /emulator/... control API (documented in ../CONTROL.md).
import type { HttpResponse, RequestContext, Route } from '../http';
import { getCall, hangUp, listCalls, pressKeys, timeline } from './calls';
import type { ControlDeps } from './deps';
import { personEvents } from './events';
import { listPeople } from './people-list';
import { answerRing, declineRing } from './ring';
import { getPerson, placeCall, putScript } from './people';
import { addPeople } from './people-add';
import { getPresence, putPresence } from './presence';
import { listMeetings, meetingAttendance } from './meetings';
import { flushRecords, listRecords } from './records';
import { promptAudio } from './prompt-audio';
import { listSubscriptions, sendLifecycle } from './subscriptions';
import { getSpeech, say, setSpeechFaults } from './speech';
import { listTeams, putTeamMembers } from './teams';
import { patchApp, putApp } from './apps';
import { clearReactions, countReactions, getReactions } from './reactions';
import { advanceClock, getClock, getFaults, getTenant, reset, setFaults } from './system';

type Action = (deps: ControlDeps, ctx: RequestContext) => HttpResponse;

const TABLE: [string, string, Action][] = [
  ['GET', '/emulator/tenant', getTenant],
  ['GET', '/emulator/people', listPeople],
  ['POST', '/emulator/people', addPeople],
  ['GET', '/emulator/people/:personId', getPerson],
  ['PUT', '/emulator/people/:personId/script', putScript],
  ['POST', '/emulator/people/:personId/call', placeCall],
  ['GET', '/emulator/people/:personId/presence', getPresence],
  ['PUT', '/emulator/people/:personId/presence', putPresence],
  ['GET', '/emulator/calls', listCalls],
  ['GET', '/emulator/calls/:callId', getCall],
  ['GET', '/emulator/calls/:callId/timeline', timeline],
  ['GET', '/emulator/calls/:callId/prompts/:audioId', promptAudio],
  ['POST', '/emulator/calls/:callId/keys', pressKeys],
  ['POST', '/emulator/calls/:callId/hangup', hangUp],
  ['POST', '/emulator/calls/:callId/say', say],
  ['POST', '/emulator/calls/:callId/answer', answerRing],
  ['POST', '/emulator/calls/:callId/decline', declineRing],
  ['GET', '/emulator/events', personEvents],
  ['GET', '/emulator/meetings', listMeetings],
  ['GET', '/emulator/meetings/:meetingId/attendance', meetingAttendance],
  ['GET', '/emulator/teams', listTeams],
  ['PUT', '/emulator/teams/:teamId/members', putTeamMembers],
  ['GET', '/emulator/records', listRecords],
  ['POST', '/emulator/records/flush', flushRecords],
  ['GET', '/emulator/subscriptions', listSubscriptions],
  ['POST', '/emulator/subscriptions/:subscriptionId/lifecycle', sendLifecycle],
  ['GET', '/emulator/faults', getFaults],
  ['POST', '/emulator/faults', setFaults],
  ['GET', '/emulator/speech', getSpeech],
  ['POST', '/emulator/speech/faults', setSpeechFaults],
  ['GET', '/emulator/clock', getClock],
  ['POST', '/emulator/clock/advance', advanceClock],
  ['PUT', '/emulator/apps/:appId', putApp],
  ['PATCH', '/emulator/apps/:appId', patchApp],
  ['GET', '/emulator/reactions', getReactions],
  ['GET', '/emulator/reactions/counts', countReactions],
  ['DELETE', '/emulator/reactions', clearReactions],
  ['POST', '/emulator/reset', reset],
];

/** The control API's routes. */
export function controlRoutes(deps: ControlDeps): Route[] {
  return TABLE.map(([method, pattern, action]) => ({ method, pattern, handle: (ctx) => action(deps, ctx) }));
}
