// What the reflex responder does with each notification: the same Graph requests the shipped main menu
// makes for the same keys, decided from the notification alone (plus whether a prompt is playing), with
// no verification, storage or flow. A table from key to request.

export interface GraphRequest {
  readonly method: 'POST' | 'DELETE';
  readonly path: string;
  readonly body?: object;
}

export interface ReflexSettings {
  /** Where the emulator fetches the reflex's prompts, e.g. http://127.0.0.1:1234/prompts. */
  readonly promptsBase: string;
  /** This responder's calling webhook (the callbackUri of answered calls). */
  readonly callbackUri: string;
  readonly tenantId: string;
  /** Transfer targets of keys 1 and 2 (the menu's "sales" and "support"). */
  readonly sales: string;
  readonly support: string;
}

/** What the reflex remembers of its calls, in memory: greeted, and whether a prompt is playing (a key then cancels it first, as a barge-in does). */
export interface ReflexState {
  readonly greeted: Set<string>;
  readonly playing: Set<string>;
}

export const reflexState = (): ReflexState => ({ greeted: new Set(), playing: new Set() });

interface Notification {
  changeType?: string;
  resourceUrl?: string;
  resourceData?: {
    '@odata.type'?: string;
    state?: string;
    status?: string;
    toneInfo?: { tone?: string } | null;
    resultInfo?: { code?: number } | null;
  };
}

const KEYS: Record<string, string> = {
  tone0: '0',
  tone1: '1',
  tone2: '2',
  tone3: '3',
  star: '*',
  pound: '#',
};

function prompts(s: ReflexSettings, names: string[]): object {
  return {
    prompts: names.map((n) => ({
      '@odata.type': '#microsoft.graph.mediaPrompt',
      mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri: `${s.promptsBase}/${n}.wav` },
    })),
  };
}

function transfer(s: ReflexSettings, user: string): object {
  return {
    transferTarget: {
      '@odata.type': '#microsoft.graph.invitationParticipantInfo',
      identity: {
        '@odata.type': '#microsoft.graph.identitySet',
        user: { '@odata.type': '#microsoft.graph.identity', id: user, tenantId: s.tenantId },
      },
    },
  };
}

/** The requests a key press leads to (the menu's single-key options; anything else is invalid). */
function onKey(s: ReflexSettings, call: string, key: string, { playing }: ReflexState): GraphRequest[] {
  const at = `/communications/calls/${call}`;
  const out: GraphRequest[] = playing.has(call)
    ? [{ method: 'POST', path: `${at}/cancelMediaProcessing`, body: {} }]
    : [];
  playing.delete(call);
  const play = (names: string[]): GraphRequest => {
    playing.add(call);
    return { method: 'POST', path: `${at}/playPrompt`, body: prompts(s, names) };
  };
  if (key === '1') out.push({ method: 'POST', path: `${at}/transfer`, body: transfer(s, s.sales) });
  else if (key === '2') out.push({ method: 'POST', path: `${at}/transfer`, body: transfer(s, s.support) });
  else if (key === '0') out.push({ method: 'DELETE', path: at });
  else if (key === '3')
    out.push({
      method: 'POST',
      path: `${at}/recordResponse`,
      body: {
        ...prompts(s, ['record-after-beep']),
        maxRecordDurationInSeconds: 10,
        initialSilenceTimeoutInSeconds: 4,
        maxSilenceTimeoutInSeconds: 2,
        playBeep: true,
      },
    });
  else if (key === '*') out.push(play(['menu']));
  else out.push(play(['invalid-input', 'menu']));
  return out;
}

/** The Graph requests answering one notification, in the order to send them. */
export function reflexRequests(n: Notification, s: ReflexSettings, state: ReflexState): GraphRequest[] {
  const { playing, greeted } = state;
  const m = /\/calls\/([^/]+)(\/operations\/[^/]+)?$/i.exec(n.resourceUrl ?? '');
  const call = m?.[1];
  const d = n.resourceData;
  if (!call || !d) return [];
  const at = `/communications/calls/${call}`;
  if (m[2]) {
    // A prompt ended, or a recording did: back to the menu after a recording, as the menu's
    // "nothing heard" branch does.
    if (d.status !== 'completed' && d.status !== 'failed') return [];
    if (d['@odata.type'] === '#microsoft.graph.playPromptOperation') playing.delete(call);
    if (d['@odata.type'] !== '#microsoft.graph.recordOperation') return [];
    playing.add(call);
    return [{ method: 'POST', path: `${at}/playPrompt`, body: prompts(s, ['menu']) }];
  }
  if (n.changeType === 'deleted') {
    playing.delete(call);
    greeted.delete(call);
    return [];
  }
  if (n.changeType === 'created' && d.state === 'incoming')
    return [
      {
        method: 'POST',
        path: `${at}/answer`,
        body: {
          callbackUri: s.callbackUri,
          acceptedModalities: ['audio'],
          mediaConfig: { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' },
        },
      },
    ];
  const tone = d.toneInfo?.tone;
  if (tone) return onKey(s, call, KEYS[tone] ?? tone, state);
  // A transfer that failed (its target busy, say): the menu would apologise and hang up.
  if (d.state === 'established' && (d.resultInfo?.code ?? 0) >= 400) return [{ method: 'DELETE', path: at }];
  if (d.state === 'established' && n.changeType === 'updated' && !greeted.has(call)) {
    greeted.add(call);
    playing.add(call);
    return [
      { method: 'POST', path: `${at}/subscribeToTone`, body: {} },
      { method: 'POST', path: `${at}/playPrompt`, body: prompts(s, ['welcome', 'menu']) },
    ];
  }
  return [];
}
