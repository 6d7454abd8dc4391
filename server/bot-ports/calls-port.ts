// The bot's calls port over the call model: place, join, control, list and follow calls.
import { unavailablePorts, type CallsPort, type CallTarget, type LiveCall, type Requester } from '../../bot';
import type { CallSource, CallView, ClickToCall } from '../../calling';
import { invitedOf, partyOf, sourceFor } from './call-targets';
import type { CallNote, CallNotes } from './call-notes';
import { CallUpdates, sequencer } from './call-updates';
import { liveCallOf } from './live-call';
import { mapped, PortError } from './port-error';
import { settleOrGoOn } from './settle';
import type { CallModel, PortsLogger } from './types';
import { whenEstablished } from './when-joined';

export interface CallsPortOptions {
  readonly calling: CallModel;
  readonly notes: CallNotes;
  readonly logger: PortsLogger;
  readonly now?: () => number;
  /** How the bot's own leg is named on cards. */
  readonly appName?: string;
  /** The resource account calls to phone numbers are placed from; without it they are refused. */
  readonly pstnSource?: CallSource;
  /** Click-to-call; without it `connect` says it is not set up. */
  readonly clickToCall?: Pick<ClickToCall, 'connect'>;
  /** How long invite, transfer and mute are awaited before the live card takes over (default 5 s). */
  readonly ackWaitMs?: number;
  /** How long the bot waits to be in a meeting before calling people in (default 60 s). */
  readonly joinWaitMs?: number;
}

/** The calls port, and `close` to stop following calls and abandon pending follow-ups. */
export function createCallsPort(opts: CallsPortOptions): CallsPort & { close(): void } {
  const { calling, notes, logger } = opts;
  const now = opts.now ?? Date.now;
  const appName = opts.appName ?? 'Switchboard';
  const ackWaitMs = opts.ackWaitMs ?? 5000;
  const sequence = sequencer(now);
  const updates = new CallUpdates({ calling, notes, logger, appName, now, sequence });
  const closing = new AbortController();

  const live = (view: CallView, note: CallNote): LiveCall =>
    liveCallOf(view, note, { appName, now: now(), sequence: sequence() });
  const snapshot = async (view: CallView): Promise<LiveCall> => live(view, await notes.get(view.id));

  async function placed(view: CallView, note: CallNote): Promise<LiveCall> {
    return live(view, await notes.update(view.id, note));
  }

  async function place(
    targets: readonly CallTarget[],
    by: Requester,
    kind: LiveCall['kind'],
    subject?: string,
  ): Promise<LiveCall> {
    const from = sourceFor(targets, opts.pstnSource);
    const parties = targets.map(partyOf);
    const view = await mapped(() =>
      calling.placeCall({
        to: parties.length === 1 ? parties[0]! : parties,
        ...(from ? { from } : {}),
        ...(subject ? { subject } : {}),
      }),
    );
    return placed(view, {
      kind,
      requestedBy: by,
      invited: targets.map((t) => invitedOf(t, now())),
      ...(subject ? { subject } : {}),
    });
  }

  async function connect(
    clickToCall: Pick<ClickToCall, 'connect'>,
    a: CallTarget,
    b: CallTarget,
    by: Requester,
  ): Promise<LiveCall> {
    const from = sourceFor([a, b], opts.pstnSource);
    const side = (t: CallTarget) => (t.kind === 'person' ? t.person.id : t.number);
    const name = (t: CallTarget) => (t.kind === 'person' ? t.person.displayName : t.number);
    const record = await mapped(() =>
      clickToCall.connect({
        a: side(a),
        aName: name(a),
        b: side(b),
        bName: name(b),
        requestedBy: { id: by.aadObjectId ?? by.name, name: by.name },
        ...(from ? { from: { applicationInstance: from.applicationInstance } } : {}),
      }),
    );
    const view = record.callId ? await mapped(() => calling.getCall(record.callId!)) : undefined;
    if (!view) {
      throw new PortError(
        'call_not_found',
        `The call to ${name(a)} was placed, but I cannot follow it.`,
        'Send "calls" to see the live calls.',
      );
    }
    // B is not in this call: A is handed over to them once A answers.
    return placed(view, {
      kind: 'connect',
      requestedBy: by,
      invited: [invitedOf(a, now()), { ...invitedOf(b, now()), later: true }],
    });
  }

  function callIn(callId: string, targets: readonly CallTarget[]): void {
    whenEstablished(calling, callId, { timeoutMs: opts.joinWaitMs ?? 60_000, signal: closing.signal })
      .then(() => calling.participants.invite(callId, targets.map(partyOf)))
      .catch((err: unknown) => logger.warn({ err, callId }, 'could not call the attendees into the meeting'));
  }

  return {
    placeCall: (target, by) => place([target], by, target.kind === 'phone' ? 'pstn' : 'p2p'),
    placeGroupCall: (targets, by, subject) => place(targets, by, 'group', subject),
    connect: opts.clickToCall
      ? (a, b, by) => connect(opts.clickToCall!, a, b, by)
      : unavailablePorts().calls.connect,
    async hangUp(callId, by) {
      await notes.update(callId, { hungUpBy: by.name });
      try {
        await mapped(() => calling.hangUp(callId));
      } catch (err) {
        await notes.forget(callId, 'hungUpBy');
        throw err;
      }
    },
    muteParticipant: (callId, participantId) =>
      settleOrGoOn(() => calling.participants.mute(callId, participantId), ackWaitMs, {
        logger,
        callId,
        what: 'mute',
      }),
    async invite(callId, target) {
      notes.note(callId, { invited: [{ ...invitedOf(target, now()), later: true }] });
      await settleOrGoOn(() => calling.participants.invite(callId, [partyOf(target)]), ackWaitMs, {
        logger,
        callId,
        what: 'invite',
      });
    },
    transfer: (callId, target) =>
      settleOrGoOn(() => calling.transfer(callId, partyOf(target)), ackWaitMs, {
        logger,
        callId,
        what: 'transfer',
      }),
    listLive: () =>
      mapped(async () => Promise.all((await calling.listCalls({ active: true })).map(snapshot))),
    get: (callId) =>
      mapped(async () => {
        const view = await calling.getCall(callId);
        return view && snapshot(view);
      }),
    async joinMeeting(joinUrl, by, invite = []) {
      const view = await mapped(() => calling.joinMeeting(joinUrl));
      const call = await placed(view, {
        kind: 'meeting',
        requestedBy: by,
        invited: invite.map((t) => invitedOf(t, now())),
      });
      if (invite.length > 0) callIn(view.id, invite);
      return call;
    },
    subscribe: (listener) => updates.subscribe(listener),
    close() {
      closing.abort();
      updates.close();
    },
  };
}
