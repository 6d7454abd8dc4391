// The metadata model cached between emulator starts: reused while the file (and the reader) are the
// same, read afresh when the file changes or the cache is damaged.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { csdlCacheKey, loadCsdlCached } from '../../../../emulator/csdl';

const TINY = (property: string) => `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="thing"><Property Name="${property}" Type="Edm.String" /></ComplexType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

describe('emulator/csdl model cache', () => {
  let dir: string;
  let csdl: string;
  let logs: string[];
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'csdl-cache-'));
    csdl = path.join(dir, 'tiny.csdl');
    writeFileSync(csdl, TINY('colour'));
    logs = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const load = () => loadCsdlCached(csdl, path.join(dir, 'cache'), (m) => logs.push(m));
  const cacheFile = () => path.join(dir, 'cache', 'csdl-model.v8');
  const props = (m: ReturnType<typeof load>) => [
    ...(m.complexTypes.get('microsoft.graph.thing')?.properties.keys() ?? []),
  ];

  it('parses once, then reads the model from the cache', () => {
    assert.deepEqual(props(load()), ['colour']);
    // Mark the cached copy: a second start that returns the mark read the cache, not the file.
    const cached = v8.deserialize(readFileSync(cacheFile())) as { key: string; model: { source: string } };
    writeFileSync(
      cacheFile(),
      v8.serialize({ ...cached, model: { ...cached.model, source: 'from the cache' } }),
    );
    const again = load();
    assert.equal(again.source, 'from the cache');
    assert.deepEqual(props(again), ['colour']);
    assert.deepEqual(logs, []);
  });

  it('reads the file afresh once it changed', () => {
    const before = csdlCacheKey(csdl);
    load();
    writeFileSync(csdl, TINY('size'));
    assert.notEqual(csdlCacheKey(csdl), before);
    assert.deepEqual(props(load()), ['size']);
  });

  it('says so and parses when the cache is damaged', () => {
    load();
    writeFileSync(cacheFile(), 'not a v8 value');
    assert.deepEqual(props(load()), ['colour']);
    assert.match(logs.join('\n'), /unreadable.*parsing the CSDL again/);
    assert.deepEqual(props(load()), ['colour'], 'the cache was written again');
    assert.equal(logs.length, 1);
  });

  it('leaves a missing metadata file to the usual one-line error', () => {
    assert.throws(
      () => loadCsdlCached(path.join(dir, 'none.csdl'), dir, () => undefined),
      /cannot read .*EMULATOR_CSDL/,
    );
  });
});
