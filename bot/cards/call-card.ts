import type { CallParticipant, LiveCall } from '../ports';
import {
  actionSet,
  card,
  cardTime,
  choiceInput,
  container,
  formatDuration,
  formButton,
  inputId,
  runButton,
  showCard,
  text,
  textInput,
} from './elements';
import type { AdaptiveCard, CardAction, CardElement } from './types';

const PHASE: Record<LiveCall['phase'], { label: string; color: string }> = {
  ringing: { label: 'Ringing…', color: 'accent' },
  connecting: { label: 'Connecting…', color: 'accent' },
  connected: { label: 'Connected', color: 'good' },
  onHold: { label: 'On hold', color: 'warning' },
  transferring: { label: 'Transferring…', color: 'accent' },
  ended: { label: 'Ended', color: 'default' },
};

function people(call: LiveCall): CallParticipant[] {
  return call.participants.filter((p) => p.kind !== 'bot');
}

/** A short title: who the call is with. */
export function callTitle(call: LiveCall): string {
  const names = people(call).map((p) => p.name);
  const list = names.length > 0 ? names.join(', ') : 'nobody yet';
  switch (call.kind) {
    case 'group':
      return call.subject ? `Group call: ${call.subject}` : `Group call with ${list}`;
    case 'connect':
      return `Connecting ${names.join(' and ') || 'two people'}`;
    case 'meeting': {
      const subject = call.meeting?.subject ?? call.subject;
      return subject ? `Meeting: ${subject}` : 'In a Teams meeting';
    }
    case 'announce':
      return `Switchboard calling ${list} for ${call.requestedBy?.name ?? 'you'}`;
    case 'reminder':
      return `Reminder call to ${list}`;
    case 'incoming':
      return `Incoming call from ${names[0] ?? 'an unknown caller'}`;
    default:
      return `Call with ${list}`;
  }
}

/** "Connected · 3 min 10 s" style status line. */
export function callStatus(call: LiveCall, now: number): string {
  const phase = PHASE[call.phase].label;
  if (call.phase === 'ended') {
    const lasted =
      call.connectedAt !== undefined
        ? `lasted ${formatDuration((call.endedAt ?? now) - call.connectedAt)}`
        : 'never connected';
    return `${phase} · ${lasted}${call.endReason ? ` · ${call.endReason}` : ''}`;
  }
  if (call.phase === 'connected' && call.connectedAt !== undefined) {
    return `${phase} · ${formatDuration(now - call.connectedAt)} so far`;
  }
  return phase;
}

function participantLine(p: CallParticipant): string {
  const marks = [
    p.status === 'joined' ? undefined : (p.statusWords ?? p.status),
    p.muted ? 'muted' : p.mutePending ? 'muting…' : undefined,
    p.kind === 'phone' ? 'phone' : undefined,
  ];
  const extra = marks.filter(Boolean).join(', ');
  return `• ${p.name}${extra ? ` (${extra})` : ''}`;
}

/** The buttons that control a call that has not ended. */
export function callControls(call: LiveCall): CardAction[] {
  if (call.phase === 'ended') return [];
  const id = call.id;
  const controls: CardAction[] = [
    runButton('Hang up', { kind: 'hangup', callId: id }, { style: 'destructive' }),
  ];
  const mutable = people(call).filter((p) => p.status === 'joined' && !p.muted && !p.mutePending);
  if (mutable.length > 0) {
    controls.push(
      showCard(
        'Mute…',
        [
          choiceInput(
            inputId('mute', 'participant', id),
            'Whom to mute',
            mutable.map((p) => ({ title: p.name, value: p.id })),
          ),
        ],
        [formButton('Mute', 'mute', { callId: id })],
      ),
    );
  }
  controls.push(
    showCard(
      'Invite…',
      [textInput(inputId('invite', 'who', id), 'Person or number', 'Name, email, or +14255550100')],
      [formButton('Invite', 'invite', { callId: id }, 'positive')],
    ),
  );
  if (call.kind === 'p2p' || call.kind === 'pstn' || call.kind === 'incoming') {
    controls.push(
      showCard(
        'Transfer…',
        [textInput(inputId('transfer', 'who', id), 'Transfer to', 'Name, email, or +14255550100')],
        [formButton('Transfer', 'transfer', { callId: id })],
      ),
    );
  }
  return controls;
}

/** Title, status and participants of one call (shared by the call card and the calls list). */
export function callSection(call: LiveCall, now: number): CardElement[] {
  const status = PHASE[call.phase];
  const lines: CardElement[] = [
    text(callTitle(call), { bold: true, size: 'Medium' }),
    text(callStatus(call, now), { color: status.color }),
  ];
  const list = people(call);
  if (list.length > 0)
    lines.push(text(list.map(participantLine).join('\n\n'), { subtle: true, spacing: 'Small' }));
  lines.push(text(`Started ${cardTime(call.createdAt)}`, { subtle: true, size: 'Small', spacing: 'Small' }));
  return lines;
}

/**
 * The live call card, updated in place as the call changes. While the call lasts, Teams refreshes it
 * for its viewers through the showCall action (Universal Actions).
 */
export function callCard(
  call: LiveCall,
  opts: { now: number; refreshUserIds?: readonly string[]; note?: string },
): AdaptiveCard {
  const body: CardElement[] = [
    container(callSection(call, opts.now), { style: call.phase === 'ended' ? 'default' : 'emphasis' }),
  ];
  if (opts.note) body.push(text(opts.note, { subtle: true }));
  const controls = callControls(call);
  if (controls.length > 0) body.push(actionSet(controls));
  const ended = call.phase === 'ended';
  return card(body, [], {
    fallbackText: `${callTitle(call)}: ${callStatus(call, opts.now)}`,
    ...(ended
      ? {}
      : {
          refresh: {
            action: runButton('Refresh', { kind: 'showCall', callId: call.id }, { replace: true }),
            ...(opts.refreshUserIds && opts.refreshUserIds.length > 0
              ? { userIds: opts.refreshUserIds }
              : {}),
          },
        }),
  });
}
