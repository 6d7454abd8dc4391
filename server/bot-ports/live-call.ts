// The call model drawn in the bot's port shape: a field-by-field translation, no logic of its own. The
// call model (calling/core) says who is in the call, how it ended and in which words.
import type { CallParticipant, LiveCall } from '../../bot';
import { wordsFor, type Call, type CallPerson } from '../../calling';

// A person's status in the catalogue's words (the same words as a call's end).
const STATUS_WORDS: Record<CallPerson['status'], string> = {
  ringing: 'ringing',
  joined: 'in the call',
  left: 'left',
  declined: wordsFor('declined'),
  busy: wordsFor('busy'),
  noAnswer: wordsFor('noAnswer'),
  unreachable: wordsFor('unreachable'),
  removed: wordsFor('removed'),
};

function kindOf(call: Call): LiveCall['kind'] {
  switch (call.purpose) {
    case 'oneToOne': {
      if (call.origin.flow?.kind === 'announce') return 'announce';
      const other = call.people.find((p) => !p.isSelf);
      return other?.kind === 'phone' ? 'pstn' : 'p2p';
    }
    case 'connect':
    case 'group':
    case 'meeting':
    case 'incoming':
    case 'reminder':
      return call.purpose;
  }
}

function participantOf(p: CallPerson): CallParticipant {
  return {
    id: p.participantId ?? p.key,
    name: p.name,
    kind: p.isSelf || p.kind === 'app' ? 'bot' : p.kind,
    ...(p.userId ? { userId: p.userId } : {}),
    muted: p.muted,
    ...(p.mutePending ? { mutePending: true } : {}),
    status: p.status,
    statusWords: STATUS_WORDS[p.status],
  };
}

/** The bot's snapshot of a call. */
export function liveCallOf(call: Call): LiveCall {
  const by = call.origin.requestedBy;
  return {
    id: call.id,
    kind: kindOf(call),
    phase: call.phase,
    ...(call.subject ? { subject: call.subject } : {}),
    ...(call.meeting ? { meeting: call.meeting } : {}),
    participants: call.people.map(participantOf),
    createdAt: call.createdAt,
    ...(call.connectedAt !== undefined ? { connectedAt: call.connectedAt } : {}),
    ...(call.endedAt !== undefined ? { endedAt: call.endedAt } : {}),
    ...(call.end ? { endReason: call.end.words } : {}),
    ...(by ? { requestedBy: { name: by.name, ...(by.id ? { aadObjectId: by.id } : {}) } } : {}),
    version: call.version,
  };
}
