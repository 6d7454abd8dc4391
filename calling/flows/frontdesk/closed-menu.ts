// The after-hours path as a tiny IVR menu: play the closed message, then hang up or transfer.
import { menuSchema, type Menu } from '../ivr';
import type { FrontDeskAction } from './config-schema';

type Closed = Extract<FrontDeskAction, { closed: unknown }>['closed'];

/** The menu the IVR runs for a `closed` decision (carried in the call's flow, so config edits do not disturb it). */
export function closedMenu(closed: Closed): Menu {
  return menuSchema.parse({
    description: 'closed message (front desk)',
    start: 'closed',
    nodes: {
      closed: {
        prompts: closed.prompts,
        do:
          closed.then === 'hangUp'
            ? 'hangUp'
            : { transfer: closed.then.transfer, onFail: { goto: 'unreachable' } },
      },
      unreachable: { prompts: ['goodbye'], do: 'hangUp' },
    },
  });
}
