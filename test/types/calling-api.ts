// Compile-only checks of the calling module's public API (the `types` layer: `npm test` type-checks
// this file; nothing here runs). Each @ts-expect-error must stay an error, or tsc fails the build.
import type {
  CallingService,
  CallView,
  OperationView,
  Party,
  RecordingResult,
  CallingError,
  CallingStorage,
  TokenCheck,
  TokenVerifier,
} from '../../calling';
import { CallOperationError, createMemoryStorage, isCallingError } from '../../calling';

export async function callingApiShapes(svc: CallingService): Promise<void> {
  const adele: Party = { user: '86528ee4-da06-4aa2-9aed-32e626300172', displayName: 'Adele Vance' };
  const call: CallView = await svc.placeCall({ to: adele, subject: 'types' });
  await svc.placeCall({ to: [adele, { phone: '+14255550100' }] });
  // @ts-expect-error a party names a user, a phone number or an application instance
  await svc.placeCall({ to: { email: 'adele@contoso.example' } });
  // @ts-expect-error a call needs someone to call
  await svc.placeCall({ subject: 'nobody' });

  const op: OperationView = await svc.playPrompt(call.id, ['welcome.wav', 'menu.wav']);
  void op;
  const rec: RecordingResult = await svc.record(call.id);
  void rec;
  // @ts-expect-error reject reasons are Graph's rejectReason values
  await svc.reject(call.id, 'declined');

  const off = svc.on('tone', (e) => {
    const digit: string = e.digit;
    void digit;
  });
  off();
  svc.on('terminated', (e) => {
    const reason: string = e.reason;
    void reason;
  });
  // @ts-expect-error events are a closed set
  svc.on('ringing', () => undefined);
  // @ts-expect-error a tone event has no resultInfo
  svc.on('tone', (e) => e.resultInfo);
}

export function oneErrorVocabulary(err: unknown): string | undefined {
  if (isCallingError(err, 'graph_call_gone', 'call_ended')) return err.code;
  // @ts-expect-error codes are a closed set
  isCallingError(err, 'no_such_code');
  const e: CallingError = new CallOperationError('operation_cancelled', 'cancelled by a key press');
  return e.code;
}

export function memoryStorageIsAStorage(): CallingStorage {
  const storage: CallingStorage = createMemoryStorage({ instanceId: 'types' });
  // @ts-expect-error the instance id is a string
  createMemoryStorage({ instanceId: 7 });
  return storage;
}

/** A verifier of one's own (say, for a gateway that checked the token already) names what it answers. */
export function ownVerifier(tenantId: string): TokenVerifier {
  const ok: TokenCheck = { ok: true, tenantId };
  // @ts-expect-error a refusal gives one of the known reasons
  const odd: TokenCheck = { ok: false, reason: 'because' };
  void odd;
  return { verify: async () => ok, recall: () => ok };
}
