// What a notification asks an app to react to, and which Graph requests count as the reaction.

/** The notifications whose reaction time is measured. */
export type Stimulus = 'incoming' | 'established' | 'tone';

interface CallData {
  '@odata.type'?: string;
  state?: string;
  toneInfo?: { tone?: unknown } | null;
}

/**
 * The stimulus a call notification carries: an incoming call (`created`, state `incoming`), a call
 * connected (`established`; the recorder keeps only the first per call) or a key press (`toneInfo`).
 */
export function stimulusOf(notification: unknown): { kind: Stimulus; tone?: string } | undefined {
  const n = notification as { changeType?: string; resourceData?: unknown } | null;
  const d = n?.resourceData as CallData | undefined;
  if (!d || Array.isArray(d) || d['@odata.type'] !== '#microsoft.graph.call') return undefined;
  if (n?.changeType === 'created') return d.state === 'incoming' ? { kind: 'incoming' } : undefined;
  if (n?.changeType !== 'updated') return undefined;
  if (typeof d.toneInfo?.tone === 'string') return { kind: 'tone', tone: d.toneInfo.tone };
  return d.state === 'established' ? { kind: 'established' } : undefined;
}

/**
 * The requests that answer each stimulus: deciding an incoming call; the first media request once
 * connected; the next prompt, recording, transfer or hang-up after a key (a barge-in's
 * cancelMediaProcessing comes first and is the reaction).
 */
export const ANSWERS: Readonly<Record<Stimulus, readonly string[]>> = {
  incoming: ['answer', 'reject', 'redirect'],
  established: ['subscribeToTone', 'playPrompt', 'recordResponse', 'cancelMediaProcessing'],
  tone: ['playPrompt', 'recordResponse', 'cancelMediaProcessing', 'transfer', 'redirect', 'hangUp'],
};

/**
 * The action a Graph request on a call performs: the segments after the call id
 * (`playPrompt`, `participants/invite`), `hangUp` for a DELETE of the call, undefined for reads.
 */
export function actionOf(method: string, path: string): string | undefined {
  const m = /\/(?:communications|app)\/calls\/[^/]+(?:\/(.+))?$/i.exec(path);
  if (!m) return undefined;
  if (m[1] === undefined) return method === 'DELETE' ? 'hangUp' : undefined;
  return method === 'POST' ? m[1] : undefined;
}

/** A request body compared for duplicates: its JSON without clientContext, which differs per request. */
export function bodyKey(rawBody: string): string {
  if (!rawBody) return '';
  try {
    const parsed = JSON.parse(rawBody) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const { clientContext: _ignored, ...rest } = parsed as Record<string, unknown>;
      return JSON.stringify(rest);
    }
    return JSON.stringify(parsed);
  } catch {
    // Not JSON: compared as sent.
    return rawBody;
  }
}
