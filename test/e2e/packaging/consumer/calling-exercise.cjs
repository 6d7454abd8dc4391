// What a project does first with the installed calling package, whichever way it loaded it: put the
// webhook handler in front of an inbox and post it a notification (a verifier stands in for the token
// check, so nothing reaches a network), word a few call outcomes, and read a wall clock across a DST
// change. It answers what it saw, for the test to compare.
const CALL = '2f1a0c00-7e4d-4b9a-a5c3-9d8e6f4b2a10';

module.exports = async function exercise(calling) {
  const { createCallsEdge, endWords, outcomeOf, sameId, wallClockAt, CallingError, isCallingError } = calling;
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const stored = [];
  const edge = (check) =>
    createCallsEdge({
      verifier: { verify: async () => check, recall: () => undefined },
      inbox: { accept: async (batch) => void stored.push(batch) },
      logger: quiet,
      now: () => 1_700_000_000_000,
    });
  const request = {
    headers: { authorization: 'Bearer stand-in' },
    json: async () => ({
      value: [
        {
          changeType: 'updated',
          resourceUrl: `/communications/calls/${CALL.replaceAll('-', '').toUpperCase()}`,
          resourceData: { state: 'established' },
        },
      ],
    }),
  };
  const accepted = await edge({ ok: true, tenantId: 'tenant-a' })(request);
  const refused = await edge({ ok: false, reason: 'expired' })(request);
  // Summer time begins in Paris at 01:00 UTC on 29 March 2026: 01:30 UTC reads 03:30 there.
  const paris = wallClockAt(Date.UTC(2026, 2, 29, 1, 30), 'Europe/Paris');
  const err = new CallingError('graph_call_gone', 'the call has ended');
  return {
    accepted: accepted.status,
    refused: [refused.status, refused.body?.error?.code],
    stored: stored.map((b) => [
      b.tenantId,
      b.receivedAt,
      ...b.notifications.map((n) => `${n.kind} ${n.callId}`),
    ]),
    sameCall: sameId(stored[0]?.notifications[0]?.callId ?? '', CALL),
    words: [
      endWords({ code: 486, subcode: 0 }),
      endWords(undefined),
      outcomeOf({ code: 480, subcode: 10134 }),
    ],
    paris: `${paris.hour}:${paris.minute}`,
    error: [err instanceof Error, isCallingError(err), err.code],
  };
};
