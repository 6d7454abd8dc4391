// EMULATOR_ID_STYLE: the emulator can issue call and operation ids in the compact upper-case spelling
// some of Graph's examples show, so tests can check the app sends back exactly what it was given; it
// still finds a call or an operation by any spelling, as Graph does.
import assert from 'node:assert/strict';
import { readEmulatorConfig } from '../../../../emulator/config';
import { APP, graphHarness, userTarget } from './graph-harness';
import type { Harness } from './graph-harness';

const ADELE = '86528ee4-da06-4aa2-9aed-32e626300172';
const COMPACT_UPPER = /^[0-9A-F]{32}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const hyphenated = (id: string) =>
  `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`.toLowerCase();

async function establishedCall(h: Harness): Promise<string> {
  h.svc.engine.directory.setScript(ADELE, { onRing: 'answer', answerAfterMs: 100 });
  const res = await h.graph(APP.appId, 'POST', '/communications/calls', {
    '@odata.type': '#microsoft.graph.call',
    callbackUri: 'https://app.example/api/calls',
    targets: [userTarget(ADELE)],
    requestedModalities: ['audio'],
    mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  h.clock.advance(50);
  h.clock.advance(100);
  const id = (res.body as { id: string }).id;
  assert.equal(h.svc.engine.find(id)?.state, 'established');
  return id;
}

describe('emulator id style', () => {
  let h: Harness | undefined;
  afterEach(() => h?.stop());

  it('compact-upper: calls and operations get 32 upper-case hex ids, in answers and notifications alike', async () => {
    h = graphHarness({ idStyle: 'compact-upper' });
    const id = await establishedCall(h);
    assert.match(id, COMPACT_UPPER);
    const urls = new Set(h.delivered.map((n) => n.resourceUrl));
    assert.deepEqual([...urls], [`/communications/calls/${id}`]);
    assert.ok(h.delivered.every((n) => n.resourceData['id'] === id));

    // Any spelling reaches the call, as with Graph.
    const op = await h.graph(APP.appId, 'POST', `/communications/calls/${hyphenated(id)}/subscribeToTone`, {
      clientContext: 'c1',
    });
    assert.equal(op.status, 200, JSON.stringify(op.body));
    const opId = (op.body as { id: string }).id;
    assert.match(opId, COMPACT_UPPER);
    assert.ok(
      String(op.headers?.['Location']).endsWith(`/calls/${id}/operations/${opId}`),
      op.headers?.['Location'],
    );
    const got = await h.graph(
      APP.appId,
      'GET',
      `/communications/calls/${id.toLowerCase()}/operations/${hyphenated(opId)}`,
    );
    assert.equal(got.status, 200, JSON.stringify(got.body));
  });

  it('by default ids are lower-case hyphenated GUIDs', async () => {
    h = graphHarness();
    assert.match(await establishedCall(h), GUID);
  });

  it('is read from EMULATOR_ID_STYLE, and anything else is refused with what to write', () => {
    assert.equal(readEmulatorConfig({}).idStyle, 'guid');
    assert.equal(readEmulatorConfig({ EMULATOR_ID_STYLE: 'compact-upper' }).idStyle, 'compact-upper');
    assert.throws(
      () => readEmulatorConfig({ EMULATOR_ID_STYLE: 'upper' }),
      /EMULATOR_ID_STYLE must be "guid" or "compact-upper", got "upper"/,
    );
  });
});
