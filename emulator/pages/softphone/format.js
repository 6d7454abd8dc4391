// Pure formatting for the softphone page: names, presence, durations, end reasons and timeline lines.

/** Two initials of a display name. */
export function initials(name) {
  const parts = String(name || '?')
    .trim()
    .split(/\s+/);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

/** The presence choices offered: Graph availability and activity pairs as Teams shows them. */
export const PRESENCE_CHOICES = [
  { availability: 'Available', activity: 'Available', label: 'Available' },
  { availability: 'Busy', activity: 'Busy', label: 'Busy' },
  { availability: 'Busy', activity: 'InACall', label: 'Busy · In a call' },
  { availability: 'Busy', activity: 'InAMeeting', label: 'Busy · In a meeting' },
  { availability: 'DoNotDisturb', activity: 'DoNotDisturb', label: 'Do not disturb' },
  { availability: 'DoNotDisturb', activity: 'Presenting', label: 'Do not disturb · Presenting' },
  { availability: 'BeRightBack', activity: 'BeRightBack', label: 'Be right back' },
  { availability: 'Away', activity: 'Away', label: 'Away' },
  { availability: 'Offline', activity: 'OffWork', label: 'Appear offline' },
];

/** Words for a presence: "Busy · In a call", or the raw values when not among the choices. */
export function presenceLabel(presence) {
  if (!presence) return 'Unknown';
  const known = PRESENCE_CHOICES.find(
    (c) => c.availability === presence.availability && c.activity === presence.activity,
  );
  if (known) return known.label;
  const words = (s) => String(s ?? '').replace(/([a-z])([A-Z])/g, '$1 $2');
  return presence.availability === presence.activity || !presence.activity
    ? words(presence.availability)
    : `${words(presence.availability)} · ${words(presence.activity)}`;
}

/** Seconds with one decimal: 2.0 s. */
export const seconds = (ms) => `${(Number(ms) / 1000).toFixed(1)} s`;

/** m:ss of an elapsed time. */
export function clock(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

const END_REASONS = {
  '200/4521': 'Hung up',
  '200/540000': 'Hung up (phone)',
  '200/4097': 'Hung up before the app answered',
  '200/5001': 'The app hung up',
  '200/5002': 'Everyone else left',
  '200/5013': 'Nobody joined',
  '200/7000': 'The app redirected the call',
  '200/7015': 'Replaced after a transfer',
  '0/7015': 'The call was transferred',
  '200/18503': 'Moved to another call',
  '408/8537': 'Dropped: no keepAlive from the app for 45 minutes',
  '408/1106': 'The app did not answer in time',
  '408/10057': 'Nobody answered',
  '480/10037': 'No such person or number',
  '480/10076': 'Busy',
  '480/10134': 'Declined',
};

/** Why a call ended, in words, from its resultInfo. */
export function endReason(resultInfo) {
  if (!resultInfo) return 'The app rejected the call';
  const key = `${resultInfo.code}/${resultInfo.subcode}`;
  return `${END_REASONS[key] ?? resultInfo.message ?? 'Ended'} (${key})`;
}

/** The last part of an @odata.type or operation type: playPromptOperation → playPrompt. */
const shortType = (t) =>
  String(t ?? '')
    .replace(/^#?microsoft\.graph\./, '')
    .replace(/Operation$/, '');

/** Long ids in paths cut to their first 8 characters, so that the path stays readable. */
const shortIds = (path) =>
  path.replace(/([0-9a-f]{8})-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}/gi, '$1…');

const KEY_NAMES = { '*': 'star', '#': 'pound' };

function personText(e, nameOf) {
  const who = nameOf(e.personId);
  const you = who === 'You';
  const verb = (forYou, forThem) => `${who} ${you ? forYou : forThem}`;
  switch (e.event) {
    case 'ringing': {
      const how = e.reaction === 'manual' ? 'waiting for an answer' : `script: ${e.reaction}`;
      return `${you ? 'Your' : `${who}'s`} phone rings (${how})`;
    }
    case 'answered':
      return `${who} answered`;
    case 'key':
      return `${who} pressed ${e.key}${KEY_NAMES[e.key] ? ` (${KEY_NAMES[e.key]})` : ''}`;
    case 'hang-up':
      return `${who} hung up`;
    case 'said':
      return `${who} said “${e.text}”${e.heard === 'heard' ? '' : ' (for the next recording)'}`;
    case 'calls-app': {
      const via = String(e.via ?? 'app');
      if (via === 'app') return verb('call the app', 'calls the app');
      if (via.startsWith('meeting ')) return verb('invite the app to', 'invites the app to') + ` ${via}`;
      return verb('call', 'calls') + ` ${via}`;
    }
    case 'noAnswer':
      return `${who} did not answer`;
    case 'decline':
      return `${who} declined`;
    case 'busy':
      return `${who} ${you ? 'were' : 'was'} busy`;
    default:
      return `${who}: ${e.event}`;
  }
}

/** The prompts of a media entry by what they say (or their names); never their URLs, which may be hashes. */
const quoted = (texts) => (texts ?? []).map((t) => `“${t}”`).join(', ') || 'a prompt';

function mediaText(e) {
  switch (e.event) {
    case 'prompt-start':
      return `prompt requested: ${(e.names ?? []).join(', ') || 'a prompt'}`;
    case 'prompt-playing':
      return `playing ${quoted(e.prompts?.map((p) => p.text))} (${seconds(e.durationMs)})`;
    case 'prompt-failed':
      return `prompt failed: ${e.reason}`;
    case 'dtmf-sent':
      return `the app sent tones ${e.tones}`;
    case 'record-listening':
      return `recording: listening (ends at ${seconds(e.plannedEndMs)}, ${e.plannedReason})`;
    case 'record-done':
      return `recording done: ${seconds(e.durationMs)}, ${e.reason}`;
    default:
      return e.event;
  }
}

/** One line of the timeline for an entry; nameOf turns a person id into a name. */
export function entryText(e, nameOf) {
  switch (e.kind) {
    case 'request':
      return `${e.method} ${shortIds(String(e.path).replace(/^\/v1\.0/, ''))} → ${e.status}`;
    case 'state':
      return `${e.from} → ${e.to}${e.resultInfo ? ` · ${endReason(e.resultInfo)}` : ''}`;
    case 'notification': {
      const what = `${e.changeType} ${shortType(e.type) || e.type || ''} ${e.state ?? e.status ?? ''}`;
      return `${what.trim()}${e.tone ? ` · toneInfo ${e.tone}` : ''}`;
    }
    case 'delivery':
      return [e.event, e.status, e.attempt ? `attempt ${e.attempt}` : '', e.error ?? '']
        .filter(Boolean)
        .join(' · ');
    case 'person':
      return personText(e, nameOf);
    case 'media':
      return mediaText(e);
    case 'operation': {
      // Graph reports a cancelled media operation as failed (400/8508); for a person it was interrupted.
      const status = e.status === 'failed' && e.resultInfo?.subcode === 8508 ? 'interrupted' : e.status;
      return `${shortType(e.type)} ${status}${e.resultInfo ? ` (${e.resultInfo.code}/${e.resultInfo.subcode})` : ''}`;
    }
    default:
      return [e.event, e.status, e.reason].filter(Boolean).join(' · ');
  }
}
