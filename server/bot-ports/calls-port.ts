// The bot's calls port over the call model: place, join, control, list and follow calls. Every call is
// shown as the call model says (live-call.ts translates its shape); this adapter keeps nothing.
import { unavailablePorts, type CallsPort, type CallTarget, type LiveCall, type Requester } from '../../bot';
import type { Call, CallOrigin, CallSource, ClickToCall } from '../../calling';
import { partyOf, sourceFor } from './call-targets';
import { liveCallOf } from './live-call';
import { mapped, PortError } from './port-error';
import { settleOrGoOn } from './settle';
import type { CallModel, PortsLogger } from './types';

export interface CallsPortOptions {
  readonly calling: CallModel;
  readonly logger: PortsLogger;
  /** The resource account calls to phone numbers are placed from; without it they are refused. */
  readonly pstnSource?: CallSource;
  /** Click-to-call; without it `connect` says it is not set up. */
  readonly clickToCall?: Pick<ClickToCall, 'connect'>;
  /** How long invite, transfer and mute are awaited before the live card takes over (default 5 s). */
  readonly ackWaitMs?: number;
  /** How long the bot waits to be in a meeting before calling people in (default 60 s). */
  readonly joinWaitMs?: number;
}

/** Where a request from the chat came from, for the call model's origin. */
function fromChat(by: Requester): CallOrigin {
  return {
    surface: 'chat',
    requestedBy: { name: by.name, ...(by.aadObjectId ? { id: by.aadObjectId } : {}) },
  };
}

/** The calls port, and `close` to stop following calls and abandon pending follow-ups. */
export function createCallsPort(opts: CallsPortOptions): CallsPort & { close(): void } {
  const { calling, logger } = opts;
  const ackWaitMs = opts.ackWaitMs ?? 5000;
  const closing = new AbortController();
  const offs: Array<() => void> = [];

  async function shown(callId: string, what: string): Promise<LiveCall> {
    const call: Call | undefined = await mapped(() => calling.callModel(callId));
    if (!call) {
      throw new PortError(
        'call_not_found',
        `The call ${what} was placed, but I cannot follow it.`,
        'Send "calls" to see the live calls.',
      );
    }
    return liveCallOf(call);
  }

  async function place(
    targets: readonly CallTarget[],
    by: Requester,
    purpose: 'oneToOne' | 'group',
    subject?: string,
  ): Promise<LiveCall> {
    const from = sourceFor(targets, opts.pstnSource);
    const parties = targets.map(partyOf);
    const view = await mapped(() =>
      calling.placeCall({
        to: parties.length === 1 ? parties[0]! : parties,
        ...(from ? { from } : {}),
        ...(subject ? { subject } : {}),
        purpose,
        origin: fromChat(by),
      }),
    );
    return shown(view.id, 'to them');
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
    if (!record.callId) return shown('', `to ${name(a)}`);
    // Click-to-call placed the call; the model learns what it is for and who asked.
    await mapped(() => calling.annotate(record.callId!, { purpose: 'connect', origin: fromChat(by) }));
    return shown(record.callId, `to ${name(a)}`);
  }

  // People are called into a meeting once the bot is in it (the call model's waitForState).
  function callIn(callId: string, targets: readonly CallTarget[]): void {
    calling
      .waitForState(callId, 'established', opts.joinWaitMs ?? 60_000)
      .then(() => {
        if (closing.signal.aborted) throw new Error('stopped: the app is closing');
        return calling.participants.invite(callId, targets.map(partyOf));
      })
      .catch((err: unknown) => logger.warn({ err, callId }, 'could not call the attendees into the meeting'));
  }

  return {
    placeCall: (target, by) => place([target], by, 'oneToOne'),
    placeGroupCall: (targets, by, subject) => place(targets, by, 'group', subject),
    connect: opts.clickToCall
      ? (a, b, by) => connect(opts.clickToCall!, a, b, by)
      : unavailablePorts().calls.connect,
    hangUp: (callId, by) => mapped(() => calling.hangUp(callId, { by: by.name })),
    muteParticipant: (callId, participantId) =>
      settleOrGoOn(() => calling.participants.mute(callId, participantId), ackWaitMs, {
        logger,
        callId,
        what: 'mute',
      }),
    invite: (callId, target) =>
      settleOrGoOn(() => calling.participants.invite(callId, [partyOf(target)]), ackWaitMs, {
        logger,
        callId,
        what: 'invite',
      }),
    transfer: (callId, target) =>
      settleOrGoOn(() => calling.transfer(callId, partyOf(target)), ackWaitMs, {
        logger,
        callId,
        what: 'transfer',
      }),
    listLive: () => mapped(async () => (await calling.listCallModels({ active: true })).map(liveCallOf)),
    get: (callId) =>
      mapped(async () => {
        const call = await calling.callModel(callId);
        return call && liveCallOf(call);
      }),
    async joinMeeting(joinUrl, by, invite = [], subject) {
      const view = await mapped(() =>
        calling.joinMeeting(joinUrl, { origin: fromChat(by), ...(subject ? { meeting: { subject } } : {}) }),
      );
      if (invite.length > 0) callIn(view.id, invite);
      return shown(view.id, 'into the meeting');
    },
    subscribe(listener) {
      const off = calling.on('callChanged', ({ call }) => listener(liveCallOf(call)));
      offs.push(off);
      return off;
    },
    close() {
      closing.abort();
      for (const off of offs.splice(0)) off();
    },
  };
}
