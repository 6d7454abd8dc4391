// What a TypeScript project writes against the installed kit: it compiles with the package's own
// declarations (no @types, no TypeScript sources), and what the package does not export stays out.
import { EmulatorControlError, start, type Emulator, type PersonScript } from '@switchboard/emulator/kit';

const answers: PersonScript = { onRing: 'answer', answerAfterMs: 100, keys: [{ afterMs: 500, tones: '1' }] };
// @ts-expect-error onRing takes the documented values only
export const unsure: PersonScript = { onRing: 'maybe' };

export async function firstTest(): Promise<string> {
  const emu: Emulator = await start({ appWebhook: 'http://127.0.0.1:3978/api/calls' });
  try {
    await emu.people.script('adele@contoso.example', answers);
    await emu.clock.advance({ minutes: 46 });
    // @ts-expect-error a call id is a string
    await emu.calls.keys(42, '1');
    return await emu.people.call('adele@contoso.example');
  } catch (err) {
    if (err instanceof EmulatorControlError) return `${err.status} ${err.message}`;
    throw err;
  } finally {
    await emu.stop();
  }
}

// @ts-expect-error the emulator's internals are not part of the package's API
export type { EmulatorConfig } from '@switchboard/emulator/dist/config';
