// Shared by the calling e2e suites: the emulator and the app over loopback (test/helpers/stack), and
// small readers and waiters on both sides.
import type { RunningEmulator } from '../../helpers/emulator';
import { useStack, type Stack } from '../../helpers/stack';

/**
 * The emulator (prompts at double speed) and the app for one suite: started before it, stopped after it.
 * The suites drive the call model themselves, incoming calls included, so no front desk answers them.
 */
export function useCallingStack(): Stack {
  return useStack({ emulator: { EMULATOR_PROMPT_SPEED: '2' }, deps: { ownIncomingCalls: true } });
}

/** A seeded person by display name. */
export function person(h: { emu: RunningEmulator }, displayName: string): { id: string; phone?: string } {
  const p = h.emu.people.find((x) => x.displayName === displayName);
  if (!p) throw new Error(`no seeded person ${displayName}`);
  return p;
}

/** Sets a person's script for their next call. */
export async function script(
  h: { emu: RunningEmulator },
  personId: string,
  s: Record<string, unknown>,
): Promise<void> {
  const res = await h.emu.control('PUT', `/emulator/people/${personId}/script`, s);
  if (res.status >= 300) throw new Error(`script for ${personId}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The emulator's record of a call. */
export async function emulatorCall(
  h: { emu: RunningEmulator },
  callId: string,
): Promise<Record<string, unknown>> {
  return (await h.emu.control('GET', `/emulator/calls/${callId}`)).body as Record<string, unknown>;
}

/** Collects one kind of event for later assertions. */
export function collect<T>(subscribe: (handler: (e: T) => void) => () => void): {
  items: T[];
  off: () => void;
} {
  const items: T[] = [];
  const off = subscribe((e) => void items.push(e));
  return { items, off };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once `check` holds; polls every 50 ms; rejects with `what` after `ms`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  ms = 15_000,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
