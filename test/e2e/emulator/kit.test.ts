// The emulator's test kit as another project would use it: start, script people, faults, clock, a call
// to an app that is not listening, refusals as errors, and a clean stop.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { EmulatorControlError, start, type Emulator } from '../../../emulator/kit';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

describe('emulator test kit', function () {
  this.timeout(90_000);
  let emu: Emulator;

  before(async () => {
    emu = await start();
  });
  after(async () => {
    await emu?.stop();
  });

  it('starts on a free port and reports where its tenant, app and CA are', () => {
    assert.match(emu.url, /^https:\/\/localhost:\d+$/);
    assert.match(emu.httpUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(emu.ca, /BEGIN CERTIFICATE/);
    assert.match(emu.appId, /^[0-9a-f-]{36}$/);
    assert.notEqual(emu.appSecret, '');
  });

  it('scripts a person and sets their presence, as the control API then reports', async () => {
    const megan = (await emu.people.list()).find((p) => p.displayName.startsWith('Megan'));
    assert.ok(megan, 'Megan in the seed');
    await emu.people.script(megan!.id, { onRing: 'decline', answerAfterMs: 250 });
    await emu.people.presence(megan!.id, { availability: 'DoNotDisturb', activity: 'DoNotDisturb' });
    const seen = (
      await emu.control<{ script: { onRing: string }; presence?: { availability?: string } }>(
        'GET',
        `/emulator/people/${megan!.id}`,
      )
    ).body;
    assert.equal(seen.script.onRing, 'decline');
    const presence = (
      await emu.control<{ own: { availability: string } }>('GET', `/emulator/people/${megan!.id}/presence`)
    ).body;
    assert.equal(presence.own.availability, 'DoNotDisturb');
  });

  it('queues Graph faults and moves the clock', async () => {
    await emu.faults.graph(503, 2, 1);
    const pending = (await emu.control<{ graph: { remaining: number } }>('GET', '/emulator/faults')).body;
    assert.equal(pending.graph.remaining, 2);
    const refused = await fetch(`${emu.httpUrl}/v1.0/communications/calls`);
    assert.equal(refused.status, 503);
    assert.equal(
      (await emu.control<{ graph: { remaining: number } }>('GET', '/emulator/faults')).body.graph.remaining,
      1,
    );
    const before = (await emu.control<{ offsetMs: number }>('GET', '/emulator/clock')).body.offsetMs;
    await emu.clock.advance({ minutes: 5 });
    const after = (await emu.control<{ offsetMs: number }>('GET', '/emulator/clock')).body.offsetMs;
    assert.equal(after - before, 5 * 60_000);
  });

  it("throws the emulator's own words when it refuses a request", async () => {
    const err = await emu.people.script('nobody@nowhere.example', { onRing: 'answer' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof EmulatorControlError, String(err));
    assert.equal(err.status, 404);
    assert.match(err.message, /PUT \/emulator\/people\/nobody%40nowhere\.example\/script answered 404: .+/);
  });

  it('lets a person call an app and forgets it on reset', async () => {
    const adele = (await emu.people.list()).find((p) => p.displayName.startsWith('Adele'));
    const callId = await emu.people.call(adele!.id);
    assert.ok((await emu.calls.list()).some((c) => c.id === callId));
    await emu.reset();
    assert.ok(!(await emu.calls.list()).some((c) => c.id === callId));
    const clock = (await emu.control<{ offsetMs: number }>('GET', '/emulator/clock')).body;
    assert.equal(clock.offsetMs, 0);
  });

  it('stops: its port is free and its data folder gone', async () => {
    const other = await start();
    const port = Number(new URL(other.httpUrl).port);
    const dataDir = path.dirname(other.caPath);
    await other.stop();
    assert.equal(await portIsFree(port), true);
    assert.equal(existsSync(dataDir), false);
  });

  it("rejects with the emulator's complaint when it cannot start", async () => {
    const err = await start({ seed: { tenantId: 42 }, timeoutMs: 30_000 }).then(
      (e) => e.stop().then(() => undefined),
      (e: unknown) => e,
    );
    assert.ok(err instanceof Error, 'start rejects');
    assert.match(err.message, /exited .* before it was ready/);
    assert.ok(err.message.length > 60, err.message);
  });
});
