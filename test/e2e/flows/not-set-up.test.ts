// An app with no front desk configured (FRONTDESK_CONFIG unset) never leaves a caller ringing: it answers,
// says the line is not set up, and hangs up, well before the platform would give up on the call.
import assert from 'node:assert/strict';
import { useStack } from '../../helpers/stack';
import { person, sleep } from '../calling/harness';
import { callApp, ended, notes, promptsPlayed, type CallSides } from './flows-harness';

// Graph (and the emulator) drop a call nobody answered after this long.
const INCOMING_TIMEOUT_MS = 15_000;

describe('no front desk configured: the line answers, says so and hangs up', function () {
  this.timeout(60_000);
  const stack = useStack({ emulator: { EMULATOR_INCOMING_TIMEOUT_MS: String(INCOMING_TIMEOUT_MS) } });
  const h = (): CallSides => ({ emu: stack.emu, calling: stack.calling });
  // The message is synthesized at startup, as it would be long before a real line's first call.
  before(async () => stack.app.app.callFlows?.ready());

  it('warns once at startup that no front desk is configured', () => {
    const warnings = stack.app.logs.filter((l) => /no front desk is configured/.test(String(l['msg'])));
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(String(warnings[0]!['msg']), /FRONTDESK_CONFIG/);
  });

  it('a person who calls the app is answered, told the line is not set up, and hung up on', async () => {
    const lee = person(stack, 'Lee Gu');
    const started = Date.now();
    const callId = await callApp(h(), lee.id);
    const end = await ended(h(), callId, INCOMING_TIMEOUT_MS);
    const took = Date.now() - started;
    assert.ok(took < INCOMING_TIMEOUT_MS - 3_000, `the call lasted ${took} ms`);
    // Answered (the call was established) and ended by the app (5001: the app hung up), not timed out.
    assert.deepEqual(end?.resultInfo, { code: 200, subcode: 5001 });
    const lines = await notes(h(), callId);
    assert.ok(
      lines.some((l) => /^front desk: closed message, then hang up; rule "line not set up"/.test(l)),
      lines.join('\n'),
    );
    const played = await promptsPlayed(h(), callId);
    assert.ok(
      played.some((u) => u.includes('/prompts/tts/')),
      `the spoken message was played: ${played.join(', ')}`,
    );
  });

  it('an invitation into a meeting is left alone, as by any front desk', async () => {
    const meetings = await stack.emu.control<{ value: Array<{ emulator: { meetingId: string } }> }>(
      'GET',
      '/emulator/meetings',
    );
    const meetingId = meetings.body.value[0]?.emulator.meetingId;
    assert.ok(meetingId, 'the emulator has a seeded meeting');
    const megan = person(stack, 'Megan Bowen');
    const res = await stack.emu.control<{ callId: string }>('POST', `/emulator/people/${megan.id}/call`, {
      to: 'app',
      meetingId,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const callId = res.body.callId.toLowerCase();
    await sleep(3_000);
    const call = await stack.calling.getCall(callId);
    assert.equal(call?.state, 'incoming', 'nobody answered or rejected the invitation');
    assert.equal(call?.flow ?? null, null, 'no front desk decision was taken');
  });
});
