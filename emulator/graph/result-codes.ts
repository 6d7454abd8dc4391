// The resultInfo codes the emulator reports. Call end codes come from the documented end-reason table
// (SPEC.md §2.3); where the documentation offers no exact match the closest documented code is used and
// noted here. Media sub-codes beyond the documented ones follow the values the Microsoft media platform
// publishes for the same conditions.
import type { ResultInfo } from './model';

const r = (code: number, subcode: number, message: string): ResultInfo => ({ code, subcode, message });

export const END = {
  /** The app hung up (DELETE). */
  botHangUp: r(200, 5001, 'The conversation has ended.'),
  /** The remote person hung up a P2P call. */
  remoteHangUp: r(200, 4521, 'The other party ended the peer-to-peer call.'),
  /** The remote PSTN caller or callee hung up. */
  pstnHangUp: r(200, 540000, 'Call ended by the PSTN user.'),
  /** A caller gave up before the app answered. */
  callerGaveUp: r(200, 4097, 'The other participant ended the call.'),
  /** Everyone but the app left an ad-hoc group call. */
  everyoneLeft: r(200, 5002, 'The conversation ended because everyone else left.'),
  /** No invitee of an ad-hoc group call ever joined. */
  nobodyJoined: r(200, 5013, 'The conversation ended because nobody else joined the group call.'),
  /** The app redirected the call elsewhere. */
  redirected: r(200, 7000, 'The conversation has ended by bot (redirected).'),
  /** Transfer completed: the app's leg ends (documented as code 0). */
  transferred: r(0, 7015, 'GracefulTransferCompleted'),
  /** The consultation leg replaced by a consultative transfer. */
  replacedByTransfer: r(200, 7015, 'Call ended as the transfer completed successfully.'),
  /** The invitee's old call, replaced when they joined another (invite with replacesCallId). */
  replacedByInvite: r(200, 18503, 'The other participant in the peer-to-peer call left the conversation.'),
  /** No successful keepAlive for 45 minutes. */
  keepAliveTimeout: r(408, 8537, 'Keep Alive timeout, cleaned up inactive call.'),
  /** The app neither answered, rejected nor redirected within the window. */
  notAcknowledged: r(
    408,
    1106,
    'An acknowledgement was not received for the call acceptance in the allotted time.',
  ),
  /** The callee's phone rang until the ring timeout (script `ignore`). */
  noAnswer: r(408, 10057, 'Call timed out due to no signaling from callee endpoints.'),
  /** No such user or number (target not in the tenant). */
  notFound: r(480, 10037, 'No callee endpoints were found.'),
  /** The callee is busy (script `busy`, or already in a call). */
  busy: r(480, 10076, 'The callee is unreachable (busy).'),
  /** The callee declined (script `decline`). */
  declined: r(480, 10134, 'The call was rejected by the callee.'),
} as const;

export const OPERATION = {
  promptCompleted: r(200, 0, 'Action completed successfully.'),
  cancelled: r(400, 8508, 'Action failed, the operation was cancelled.'),
  promptDownloadFailed: r(400, 8536, 'Action failed, file could not be downloaded.'),
  promptFormatInvalid: r(400, 8535, 'Action failed, file format is invalid.'),
  recordMaxDuration: r(200, 8515, 'Action completed, max record duration reached.'),
  recordInitialSilence: r(200, 8510, 'Action completed, initial silence timeout reached.'),
  recordMaxSilence: r(200, 8512, 'Action completed, max silence timeout reached.'),
  recordStopTone: r(200, 8514, 'Action completed, stop tone detected.'),
  completed: r(200, 0, 'Action completed successfully.'),
  transferFailed: r(500, 7000, 'Transfer failed: the target did not accept the call.'),
  consultativeTransferFailed: r(
    500,
    7700,
    'Consultative transfer failed: the call to replace is not connected to the target.',
  ),
} as const;

/** The end code for a failed ring, by what the person did. */
export function ringFailure(kind: 'decline' | 'busy' | 'ignore' | 'notFound'): ResultInfo {
  if (kind === 'decline') return END.declined;
  if (kind === 'busy') return END.busy;
  if (kind === 'ignore') return END.noAnswer;
  return END.notFound;
}
