// Where a caller goes when they stop waiting: the queue's message path (a short recording, then a card
// for the team) or a person. Both are tiny IVR menus carried in the IVR's state, so they run, survive
// restarts and are timed like any other menu.
import { initialIvrState, menuSchema, type IvrState, type Menu } from '../ivr';
import type { Target } from '../runtime';
import { waitedInWords } from './announce';
import type { QueueConfig } from './queue-schema';

const DEFAULT_INVITE = 'Please leave a short message after the tone, and we will call you back.';
export const THANKS_TEXT = 'Thank you. We will call you back as soon as we can. Goodbye.';
export const QUEUE_PUT_THROUGH_TEXT =
  'All our agents are still busy. Let me put you through to someone who can help.';
const UNREACHABLE_TEXT =
  'Sorry, we could not put you through. Please call again in a few minutes, or leave a message next time. Goodbye.';

type Message = NonNullable<QueueConfig['message']>;

/**
 * The message path: the invitation, a recording, then the card (whether or not the recording held
 * speech: the caller waited and asked to be called back either way). `{queue}` and `{waited}` are
 * filled in here; the IVR fills `{caller}` and `{callerId}`.
 */
export function messageMenu(queue: string, message: Message, waitedMs: number): Menu {
  const fill = (t: string) => t.replaceAll('{queue}', queue).replaceAll('{waited}', waitedInWords(waitedMs));
  return menuSchema.parse({
    description: `message (queue ${queue})`,
    start: 'record',
    nodes: {
      record: {
        prompts: message.prompts ?? [{ say: DEFAULT_INVITE }],
        do: {
          record: {
            maxSeconds: message.maxSeconds,
            onSpeech: { goto: 'notify' },
            onSilence: { goto: 'notify' },
          },
        },
      },
      notify: {
        do: {
          notify: {
            ...(message.notify.target ? { target: message.notify.target } : {}),
            title: fill(message.notify.title),
            text: fill(message.notify.text),
          },
          then: { goto: 'thanks' },
        },
      },
      thanks: { prompts: [{ say: THANKS_TEXT }], do: 'hangUp' },
    },
  });
}

/** Putting the caller through to a person after the wait; if that fails, an apology and a hang-up. */
export function transferMenu(queue: string, target: Target): Menu {
  return menuSchema.parse({
    description: `after the wait (queue ${queue})`,
    start: 'putThrough',
    nodes: {
      putThrough: {
        prompts: [{ say: QUEUE_PUT_THROUGH_TEXT }],
        do: { transfer: target, onFail: { goto: 'sorry' } },
      },
      sorry: { prompts: [{ say: UNREACHABLE_TEXT }], do: 'hangUp' },
    },
  });
}

/** The IVR state that runs one of these menus on the (answered) call. */
export function pathState(menu: Menu, origin: string, now: number): IvrState {
  return initialIvrState('@inline', { inline: menu, origin, now });
}
