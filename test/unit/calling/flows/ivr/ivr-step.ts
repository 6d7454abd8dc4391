// One step of the IVR flow on an answered call, outside any runtime: what it spawned, noted and logged.
import pino from 'pino';
import type { CallingApi, CallView } from '../../../../../calling/core';
import { createIvrFlow, type IvrDeps, type IvrState, type Menu } from '../../../../../calling/flows/ivr';
import type { FlowControl, FlowEvent } from '../../../../../calling/flows/runtime';

const dir = { people: {}, meetings: {} };

/** One IVR step on an answered call, with what it spawned. */
export async function ivrStep(
  menu: Menu,
  enterQueue: ((callId: string, queue: string, origin: string) => Promise<void>) | undefined,
  s: IvrState,
  e: FlowEvent,
  log: FlowControl['log'] = pino({ level: 'silent' }),
) {
  const flow = createIvrFlow({
    menus: new Map([[s.menu, menu]]),
    directory: async () => dir,
    notifier: { postCard: async () => undefined },
    recording: {} as unknown as IvrDeps['recording'],
    ...(enterQueue ? { enterQueue } : {}),
  });
  const spawned = new Map<string, () => Promise<unknown>>();
  const notes: string[] = [];
  const ctl: FlowControl = {
    key: 'c1',
    callIds: ['c1'],
    callId: 'c1',
    bindCall: () => {
      throw new Error('a call-bound flow binds no other call');
    },
    placeCall: () => {
      throw new Error('a call-bound flow places no call');
    },
    end: () => {
      throw new Error('a call-bound flow ends with its call');
    },
    call: { id: 'c1', state: 'established', source: {} } as unknown as CallView,
    calling: {} as unknown as CallingApi,
    now: 1000,
    log,
    spawn: (t, w) => void spawned.set(t, w),
    forgetTask: (t) => void spawned.delete(t),
    setTimer: () => undefined,
    clearTimer: () => undefined,
    note: (t) => void notes.push(t),
  };
  return { s: await flow.handle(s, e, ctl), spawned, notes };
}
