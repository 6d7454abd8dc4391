import { commsNotification } from './envelope';
import { callPath, copy, typed } from './odata';
import type { ChangeType, CommsNotification } from './types';

/** Roster notification on /calls/{id}/participants; resourceData is the participant array. */
export function participantsNotification(
  callId: string,
  changeType: ChangeType,
  participants: Array<Record<string, unknown>>,
): CommsNotification {
  const data = participants.map((p) => typed('#microsoft.graph.participant', copy(p)));
  return commsNotification(changeType, `${callPath(callId)}/participants`, data, {
    resource: `${callPath(callId, { legacy: true })}/participants`,
  });
}

/** Content-sharing notification on /calls/{id}/contentsharingsessions; resourceData is the session array. */
export function contentSharingNotification(
  callId: string,
  changeType: ChangeType,
  sessions: Array<Record<string, unknown> & { id: string }>,
): CommsNotification {
  const data = sessions.map((s) => typed('#microsoft.graph.contentSharingSession', copy(s)));
  return commsNotification(changeType, `${callPath(callId)}/contentsharingsessions`, data);
}
