import { alertsHere } from './alerts-here';
import { announce, call } from './call';
import { callEveryone } from './call-everyone';
import { calls } from './calls';
import { cancelReminder } from './cancel-reminder';
import type { Command, CommandKind, CommandOf } from './command';
import { connect } from './connect';
import { frontdesk } from './frontdesk';
import { frontdeskSet } from './frontdesk-set';
import { groupcall } from './groupcall';
import { hangup } from './hangup';
import { help } from './help';
import { invite } from './invite';
import { join } from './join';
import { meet } from './meet';
import { meetingCancel } from './meeting-cancel';
import { meetingMove } from './meeting-move';
import { mute } from './mute';
import { presence } from './presence';
import { queue, queueSignIn, queues } from './queue';
import { remind } from './remind';
import { reminders } from './reminders';
import type { Outcome, Scope } from './scope';
import { showCall } from './show-call';
import { transfer } from './transfer';

/** One entry of the router: which commands it takes and what it does with them. */
export interface Route {
  readonly kind: CommandKind;
  select(cmd: Command): boolean;
  handle(cmd: Command, s: Scope): Promise<Outcome>;
}

function route<K extends CommandKind>(
  kind: K,
  handler: (cmd: CommandOf<K>, s: Scope) => Promise<Outcome>,
): Route {
  const is = (cmd: Command): cmd is CommandOf<K> => cmd.kind === kind;
  return {
    kind,
    select: is,
    handle: (cmd, s) => {
      if (!is(cmd)) throw new Error(`route ${kind} was given a ${cmd.kind} command`);
      return handler(cmd, s);
    },
  };
}

/** The router is data: the first route whose select accepts the command handles it. */
export const ROUTES: readonly Route[] = [
  route('help', help),
  route('call', call),
  route('announce', announce),
  route('groupcall', groupcall),
  route('connect', connect),
  route('meet', meet),
  route('meetingMove', meetingMove),
  route('meetingCancel', meetingCancel),
  route('join', join),
  route('callEveryone', callEveryone),
  route('presence', presence),
  route('remind', remind),
  route('reminders', reminders),
  route('cancelReminder', cancelReminder),
  route('calls', calls),
  route('showCall', showCall),
  route('hangup', hangup),
  route('mute', mute),
  route('invite', invite),
  route('transfer', transfer),
  route('frontdesk', frontdesk),
  route('frontdeskSet', frontdeskSet),
  route('alertsHere', alertsHere),
  route('queues', queues),
  route('queue', queue),
  route('queueSignIn', queueSignIn),
];

/** Runs a command through the first route that selects it. */
export function runCommand(cmd: Command, s: Scope, routes: readonly Route[] = ROUTES): Promise<Outcome> {
  const r = routes.find((x) => x.select(cmd));
  if (!r) throw new Error(`no route for command ${cmd.kind}`);
  return r.handle(cmd, s);
}
