// What a TypeScript project (CommonJS) writes against the installed calling package: it compiles with
// the package's own declarations (strict, no TypeScript sources), and what the package does not export
// stays out.
import {
  createCallsEdge,
  endWords,
  isCallingError,
  wordsFor,
  type CallInbox,
  type CallOutcome,
  type CallsEdge,
  type CallsResponse,
  type CallingService,
  type CallView,
  type Party,
  type TokenVerifier,
  type WebhookLogger,
} from '@switchboard/calling';

const logger: WebhookLogger = { debug() {}, info() {}, warn() {}, error() {} };
const inbox: CallInbox = {
  async accept(batch) {
    for (const n of batch.notifications) logger.info({ callId: n.callId, kind: n.kind }, 'stored');
  },
};

export function webhook(verifier: TokenVerifier): CallsEdge {
  return createCallsEdge({ verifier, inbox, logger });
}

export async function answer(edge: CallsEdge): Promise<number> {
  const res: CallsResponse = await edge({ headers: {}, json: async () => ({ value: [] }) });
  return res.status;
}

export async function callAdele(svc: CallingService): Promise<string> {
  const adele: Party = { user: '86528ee4-da06-4aa2-9aed-32e626300172', displayName: 'Adele Vance' };
  try {
    const call: CallView = await svc.placeCall({ to: adele, subject: 'From a consumer' });
    return call.id;
  } catch (err) {
    if (isCallingError(err)) return `${err.code}: ${err.message}`;
    throw err;
  }
}

const busy: CallOutcome = 'busy';
export const said: string = `${wordsFor(busy)}; ${endWords({ code: 603, subcode: 0 })}`;
// @ts-expect-error an outcome is one of the catalogue's words
export const unsure: CallOutcome = 'maybe';
// @ts-expect-error a party names a user, a phone number or an application instance
export const nobody: Party = { email: 'adele@contoso.example' };

// @ts-expect-error calling's internals are not part of the package's API
export type { CallsEdgeDeps } from '@switchboard/calling/dist/webhook/calls-edge';
