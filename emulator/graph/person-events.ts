// What happens when a connected person acts: a key press (to the media queue, and as toneInfo when the
// app subscribed to tones) or hanging up (the call ends, or they leave the roster of a group call).
import { toneOf } from '../people';
import type { CallEngine } from './engine';
import type { MediaService } from './media-service';
import type { CallRec, ParticipantRec } from './model';
import type { PersonActions } from './person-session';
import { END } from './result-codes';

/** Removes a roster entry, announces it, and ends an ad-hoc group call nobody else is left in. */
export function removeParticipant(engine: CallEngine, call: CallRec, p: ParticipantRec): void {
  if (!call.participants.delete(p.id)) return;
  engine.note(call, 'person', { personId: p.personId, participantId: p.id, event: 'left' });
  engine.notifyRoster(call, 'deleted', [p]);
  endIfAlone(engine, call);
}

/** An ad-hoc group call ends once every invited person has left and nobody is still being rung. */
export function endIfAlone(engine: CallEngine, call: CallRec): void {
  if (call.kind !== 'group' || call.state === 'terminated') return;
  const others = [...call.participants.values()].some((p) => !p.isBot);
  if (!others && call.ringing.size === 0)
    engine.end(call, call.everJoined ? END.everyoneLeft : END.nobodyJoined);
}

/** The engine's reactions to people's key presses and hang-ups. */
export function personActions(engine: CallEngine, media: MediaService): PersonActions {
  return {
    pressKey(call, personId, key) {
      if (call.state === 'terminated') return;
      engine.note(call, 'person', { personId, event: 'key', key });
      media.key(call, key);
      const tone = toneOf(key);
      if (!call.toneSubscribed || !tone) return;
      call.toneSequence += 1;
      call.toneInfo = { '@odata.type': '#microsoft.graph.toneInfo', sequenceId: call.toneSequence, tone };
      call.etag += 1;
      engine.notifyCall(call, 'updated', 'tone');
    },
    hangUp(call, personId) {
      if (call.state === 'terminated') return;
      engine.note(call, 'person', { personId, event: 'hang-up' });
      if (call.kind === 'p2p' && call.remotePersonId === personId) {
        const waiting = call.state === 'incoming' || call.state === 'redirecting';
        engine.end(call, waiting ? END.callerGaveUp : call.pstn ? END.pstnHangUp : END.remoteHangUp);
        return;
      }
      const p = [...call.participants.values()].find((x) => x.personId === personId);
      if (p) removeParticipant(engine, call, p);
    },
  };
}
