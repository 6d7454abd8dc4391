import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import {
  concreteTypes,
  enumMembers,
  findAction,
  findNavigation,
  findProperty,
  loadCsdl,
  structuredType,
} from '../../../../emulator/csdl';
import {
  countElements,
  rawActionParameters,
  rawComputedTargets,
  rawDerived,
  rawEnumMembers,
  rawTypeTag,
} from './raw-csdl';
import { CSDL_PATH, sharedModel } from './shared-model';

const model = sharedModel();

// The actions the emulator serves, with their binding type as the file spells it.
const USED_ACTIONS: [string, string][] = [
  ['answer', 'graph.call'],
  ['reject', 'graph.call'],
  ['redirect', 'graph.call'],
  ['transfer', 'graph.call'],
  ['keepAlive', 'graph.call'],
  ['playPrompt', 'graph.call'],
  ['recordResponse', 'graph.call'],
  ['subscribeToTone', 'graph.call'],
  ['cancelMediaProcessing', 'graph.call'],
  ['sendDtmfTones', 'graph.call'],
  ['mute', 'graph.call'],
  ['unmute', 'graph.call'],
  ['updateRecordingStatus', 'graph.call'],
  ['invite', 'Collection(graph.participant)'],
  ['mute', 'graph.participant'],
  ['startHoldMusic', 'graph.participant'],
  ['stopHoldMusic', 'graph.participant'],
  ['setPresence', 'graph.presence'],
  ['getPresencesByUserId', 'graph.cloudCommunications'],
];

const qualified = (name: string): string => name.replace(/\bgraph\./g, 'microsoft.graph.');

describe(`emulator/csdl: loading v1.0.csdl (shared model parsed in ${model.stats.loadMs} ms)`, () => {
  it('counts the same elements as a plain text scan of the file', () => {
    assert.equal(model.stats.entityTypes, countElements('EntityType'));
    assert.equal(model.stats.complexTypes, countElements('ComplexType'));
    assert.equal(model.stats.enumTypes, countElements('EnumType'));
    assert.equal(model.stats.actions, countElements('Action'));
    assert.equal(model.stats.schemas, countElements('Schema'));
  });

  it('reads callState, modality, tone, rejectReason and recordingStatus members as the file lists them', () => {
    for (const name of ['callState', 'modality', 'tone', 'rejectReason', 'recordingStatus', 'endpointType']) {
      assert.deepEqual(enumMembers(model, `microsoft.graph.${name}`), rawEnumMembers(name), name);
    }
    // Same short name, other namespace: the callRecords modality is a different enum.
    assert.deepEqual(
      enumMembers(model, 'microsoft.graph.callRecords.modality'),
      rawEnumMembers('modality', 'microsoft.graph.callRecords'),
    );
  });

  it('knows that v1.0 callState has no "ringing" and modality no "unknown" (unlike the prose docs)', () => {
    assert.equal(rawEnumMembers('callState').includes('ringing'), false);
    assert.equal(enumMembers(model, 'microsoft.graph.callState').includes('ringing'), false);
    assert.equal(enumMembers(model, 'microsoft.graph.modality').includes('unknown'), false);
  });

  it('reads answer’s parameters (names, nullability, optional annotation) as the file states them', () => {
    const answer = findAction(model, 'microsoft.graph.call', 'answer');
    assert.ok(answer);
    const raw = rawActionParameters('answer', 'graph.call');
    assert.deepEqual(
      answer.parameters.map((p) => p.name),
      raw.map((p) => p.name),
    );
    assert.deepEqual(
      answer.parameters.map((p) => [p.name, p.nullable, p.optional]),
      raw.map((p) => [p.name, p.nullable, p.optional]),
    );
  });

  for (const [name, binding] of USED_ACTIONS) {
    it(`finds ${name} bound to ${binding} with the file's parameters and types`, () => {
      const action = findAction(model, qualified(binding), name);
      assert.ok(action, `${name} on ${binding}`);
      const raw = rawActionParameters(name, binding);
      assert.deepEqual(
        action.parameters.map((p) => ({
          name: p.name,
          type: p.type,
          nullable: p.nullable,
          optional: p.optional,
        })),
        raw.map((p) => ({ ...p, type: qualified(p.type) })),
      );
    });
  }

  it('resolves aliases, BaseType chains, Abstract and OpenType as declared', () => {
    const call = structuredType(model, 'graph.call');
    assert.ok(call);
    assert.equal(call.openType, rawTypeTag('EntityType', 'call').includes('OpenType="true"'));
    assert.equal(findProperty(model, call, 'mediaConfig')?.type, 'microsoft.graph.mediaConfig');
    assert.equal(findProperty(model, call, 'id')?.type, 'Edm.String', 'id inherited from entity');
    for (const name of [
      'mediaConfig',
      'meetingInfo',
      'prompt',
      'callOptions',
      'identitySet',
      'participantInfo',
    ]) {
      const t = structuredType(model, `microsoft.graph.${name}`);
      const tag = rawTypeTag('ComplexType', name);
      assert.equal(t?.abstract, tag.includes('Abstract="true"'), `${name} Abstract`);
      assert.equal(t?.openType, tag.includes('OpenType="true"'), `${name} OpenType`);
      assert.deepEqual(
        [...(t?.derived ?? [])].sort(),
        rawDerived(`graph.${name}`)
          .map((d) => `microsoft.graph.${d}`)
          .sort(),
      );
    }
    const meeting = structuredType(model, 'microsoft.graph.meetingInfo');
    assert.ok(meeting);
    assert.deepEqual(concreteTypes(model, meeting).sort(), [
      'microsoft.graph.joinMeetingIdMeetingInfo',
      'microsoft.graph.organizerMeetingInfo',
      'microsoft.graph.tokenMeetingInfo',
    ]);
  });

  it('marks the properties annotated Computed as read-only', () => {
    const targets = rawComputedTargets().filter((t) => t.includes('/') && !t.includes('('));
    assert.ok(targets.length > 100, `only ${targets.length} computed targets found`);
    for (const target of targets) {
      const [typeName = '', prop = ''] = target.split('/');
      const type = structuredType(model, typeName);
      assert.ok(type, typeName);
      const declared = findProperty(model, type, prop) ?? findNavigation(model, type, prop);
      assert.equal(declared?.readOnly, true, target);
    }
    const presence = structuredType(model, 'microsoft.graph.presence');
    assert.ok(presence);
    assert.equal(findProperty(model, presence, 'availability')?.readOnly, false);
  });

  it('loads a fresh copy again with the same counts (timing is logged, not asserted)', () => {
    const started = performance.now();
    const again = loadCsdl(CSDL_PATH);
    const ms = Math.round(performance.now() - started);
    console.log(`      v1.0.csdl parsed again in ${ms} ms (loadMs ${again.stats.loadMs})`);
    assert.deepEqual({ ...again.stats, loadMs: 0 }, { ...model.stats, loadMs: 0 });
  });

  it('throws a clear error for an unknown enum name', () => {
    assert.throws(
      () => enumMembers(model, 'microsoft.graph.noSuchEnum'),
      /no enum type microsoft\.graph\.noSuchEnum/,
    );
  });
});
