// Entering nodes, jumping and acting: everything that moves the IVR from one node to the next.
import { resolveTarget } from '../runtime';
import { describeJump, menuOf, type Step } from './ivr-context';
import type { IvrState } from './ivr-state';
import { settingsOf } from './ivr-state';
import { hangUpTask, meetingTask, notifyTask, promptTask, recordTask, transferTask } from './ivr-tasks';
import type { Action, Jump } from './menu-schema';
import { fillTemplate } from './notifier';
import { NEGATIVE_VIA, startListening } from './ivr-listen';

/** Hangs up (the flow is done once the call ends). */
export function hangUp(st: Step, why: string): IvrState {
  st.ctl.note(`ivr ${st.s.menu}/${st.s.node}: ${why}; hanging up`);
  st.ctl.spawn('hangUp', hangUpTask(st.ctl.calling, st.ctl.callId));
  for (const t of ['input', 'overall', 'resend']) st.ctl.clearTimer(t);
  return { ...st.s, phase: 'done', since: st.ctl.now, hangingUp: true };
}

export interface EnterOptions {
  readonly keepRetries?: boolean;
  /** Keep counting resends (the node is entered again because Graph failed its prompts). */
  readonly keepAttempt?: boolean;
  /** Clear Graph's media queue before the prompts (nothing may play twice). */
  readonly clearFirst?: boolean;
  readonly menu?: string;
  /** The prompts start once this task of the same step settled (default: a barge-in's cancel). */
  readonly after?: string;
}

/** Enters a node: plays its prompts, then collects or acts. */
export async function enter(st: Step, name: string, opts: EnterOptions = {}): Promise<IvrState> {
  const { via: _via, attempt, ...rest } = st.s;
  const s: IvrState = {
    ...rest,
    ...(opts.menu ? { menu: opts.menu } : {}),
    ...(opts.keepAttempt && attempt !== undefined ? { attempt } : {}),
    node: name,
    digits: '',
    retries: opts.keepRetries ? st.s.retries : 0,
    since: st.ctl.now,
  };
  const menu = menuOf(st.deps, s);
  const node = menu?.nodes[name];
  const next: Step = { ...st, s, menu, node };
  if (!node) return hangUp(next, `there is no node "${name}" in menu ${s.menu}`);
  for (const t of ['input', 'overall', 'resend']) st.ctl.clearTimer(t);
  if (node.prompts?.length) {
    st.ctl.spawn(
      'prompt',
      promptTask(st.ctl.calling, st.ctl.callId, node.prompts, st.deps.tts, {
        clearFirst: opts.clearFirst === true,
        log: st.ctl.log,
      }),
      { after: opts.after ?? 'cancel' },
    );
    return { ...s, phase: 'prompting' };
  }
  return afterPrompts(next);
}

/** Once a node's prompts ended: start collecting keys, or do the node's action. */
export async function afterPrompts(st: Step): Promise<IvrState> {
  const { node, menu } = st;
  if (!node || !menu) return hangUp(st, 'the menu is gone');
  if (node.listen) return startListening(st, node.listen);
  if (node.collect) {
    const set = settingsOf(menu, node.collect);
    st.ctl.setTimer('input', set.firstMs);
    if (set.maxDigits > 1) st.ctl.setTimer('overall', set.overallMs);
    return { ...st.s, phase: 'collecting', since: st.ctl.now };
  }
  return act(st, node.do ?? 'hangUp');
}

/** Follows a jump. */
export async function jump(st: Step, j: Jump): Promise<IvrState> {
  if (j === 'hangUp') return hangUp(st, 'the menu says so');
  if (j === 'repeat') return enter(st, st.s.node, { keepRetries: true });
  if ('goto' in j) return enter(st, j.goto);
  const target = st.deps.menus.get(j.menu);
  if (!target) return hangUp(st, `there is no menu "${j.menu}"`);
  return enter(st, target.start, { menu: j.menu });
}

/** Does an action: a jump, or work that runs in the background and reports back. */
export async function act(st: Step, a: Action, via?: string): Promise<IvrState> {
  if (typeof a === 'string' || 'goto' in a || 'menu' in a) return jump(st, a as Jump);
  const { ctl, deps } = st;
  const acting = (what: string): IvrState => {
    ctl.note(`ivr ${st.s.menu}/${st.s.node}: ${what}`);
    return { ...st.s, phase: 'acting', since: ctl.now, ...(via === undefined ? {} : { via }) };
  };
  try {
    if ('transfer' in a) {
      const party = resolveTarget(a.transfer, await deps.directory());
      ctl.spawn('transfer', transferTask(ctl.calling, ctl.callId, party));
      return acting(
        `transferring to ${typeof a.transfer === 'string' ? a.transfer : JSON.stringify(a.transfer)}`,
      );
    }
    if ('redirect' in a) {
      const dir = await deps.directory();
      const parties = (Array.isArray(a.redirect) ? a.redirect : [a.redirect]).map((t) =>
        resolveTarget(t, dir),
      );
      ctl.spawn('redirect', () =>
        ctl.calling.redirect(
          ctl.callId,
          parties,
          a.timeoutSeconds ? { timeoutSeconds: a.timeoutSeconds } : {},
        ),
      );
      return acting(`redirecting to ${parties.length} target(s)`);
    }
    if ('meeting' in a) {
      const m = typeof a.meeting === 'string' ? (await deps.directory()).meetings[a.meeting] : a.meeting;
      if (!m) throw new Error(`"${String(a.meeting)}" is not a meeting in the directory`);
      ctl.spawn(
        'meeting',
        meetingTask(ctl.calling, ctl.callId, m.joinUrl, { stay: a.stay === true, log: ctl.log }),
      );
      return acting(
        `moving the caller into the meeting ${typeof a.meeting === 'string' ? a.meeting : m.joinUrl}`,
      );
    }
    if ('queue' in a) {
      const enterQueue = deps.enterQueue;
      if (!enterQueue)
        throw new Error(
          `no call queues are configured (QUEUES_CONFIG), so "${a.queue}" cannot take the caller`,
        );
      const origin = `ivr ${st.s.menu}/${st.s.node}`;
      ctl.spawn('queue', () => enterQueue(ctl.callId, a.queue, origin));
      return acting(`putting the caller in queue ${a.queue}`);
    }
    if ('record' in a) {
      ctl.spawn('record', recordTask(ctl.calling, ctl.callId, a.record, deps.recording), {
        after: 'cancel',
      });
      ctl.note(`ivr ${st.s.menu}/${st.s.node}: recording a short answer`);
      return {
        ...st.s,
        phase: 'recording',
        since: ctl.now,
        recorded: true,
        ...(via === undefined ? {} : { via }),
      };
    }
    // '' is the notifier's own default: the bot's alerts chat ("Post alerts in this chat").
    const target = a.notify.target ?? deps.notifyTarget ?? '';
    const caller = ctl.call.source;
    const values = {
      caller: caller.displayName ?? caller.id ?? 'unknown caller',
      callerId: caller.id ?? '',
      menu: st.s.menu,
      node: st.s.node,
    };
    const card = {
      title: fillTemplate(a.notify.title, values),
      text: fillTemplate(a.notify.text, values),
      facts: [{ title: 'Caller', value: values.caller }],
      callId: ctl.callId,
    };
    ctl.spawn('notify', notifyTask(deps.notifier, target, card));
    return jump(st, a.then);
  } catch (err) {
    const onFail = 'onFail' in a ? a.onFail : undefined;
    ctl.note(`ivr ${st.s.menu}/${st.s.node}: ${(err as Error).message}`);
    return onFail ? jump(st, onFail) : hangUp(st, 'the action could not start');
  }
}

/** After an action's task failed: its onFail jump, or hang up. */
export function failed(st: Step, a: Action | undefined, why: string): Promise<IvrState> {
  const onFail = a && typeof a === 'object' && 'onFail' in a ? a.onFail : undefined;
  st.ctl.note(`ivr ${st.s.menu}/${st.s.node}: ${why}${onFail ? `; ${describeJump(onFail)}` : ''}`);
  return onFail ? jump(st, onFail) : Promise.resolve(hangUp(st, why));
}

/** The action that put the IVR in its current phase: the node's `do`, or the option or choice named by `via`. */
export function pendingAction(st: Step): Action | undefined {
  if (st.s.via === undefined) return st.node?.do;
  const listen = st.node?.listen;
  if (listen) {
    if (st.s.via === NEGATIVE_VIA) return listen.negative?.do;
    return listen.choices.find((c) => c.label === st.s.via)?.do;
  }
  return st.node?.collect?.options[st.s.via];
}
