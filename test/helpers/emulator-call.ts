// A call record of the emulator's call service between the seeded tenant's first app and one person,
// made directly (no Graph request): for tests about what happens on a call, not how it was placed.
import { botInfo, createCallRecord, type NewCall } from '../../emulator/graph/call-factory';
import type { CallEngine } from '../../emulator/graph/engine';
import type { CallRec } from '../../emulator/graph/model';

/** A 1:1 call of the engine's tenant's first app, outgoing and being set up unless `over` says otherwise. */
export function appCallRecord(engine: CallEngine, over: Partial<NewCall> = {}): CallRec {
  const tenant = engine.directory.current();
  const app = tenant.apps[0]!;
  return createCallRecord(
    engine,
    {
      appId: app.appId,
      tenantId: tenant.tenantId,
      direction: 'outgoing',
      state: 'establishing',
      kind: 'p2p',
      callbackUri: 'https://bot.example/calls',
      source: {},
      targets: [],
      requestedModalities: ['audio'],
      ...over,
    },
    botInfo(app),
  );
}
