// Prompts as IVR menus name them, and how to recognise one among the URIs the emulator saw played.

export interface PromptRef {
  /** A prompt file name (with or without .wav) or an http(s) URL. */
  name?: string;
  /** Text the app synthesizes; played from /prompts/tts/. */
  say?: string;
}

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function promptRef(p: unknown): PromptRef {
  if (typeof p === 'string') return { name: p };
  if (isObject(p) && typeof p.say === 'string') return { say: p.say };
  throw new Error(`a prompt the smoke does not understand: ${JSON.stringify(p)}`);
}

/** A node's prompts (none when it has no `prompts`). */
export const promptsOf = (node: unknown): PromptRef[] =>
  isObject(node) && Array.isArray(node.prompts) ? node.prompts.map(promptRef) : [];

/** Whether a played prompt URI is the one a prompt reference names. */
export function uriMatches(uri: string, ref: PromptRef): boolean {
  let pathname: string;
  try {
    pathname = new URL(uri).pathname;
  } catch {
    return false;
  }
  if (ref.say !== undefined) return pathname.includes('/prompts/tts/');
  const name = ref.name ?? '';
  if (/^https?:\/\//i.test(name)) return uri === name;
  const file = name.replace(/\.wav$/i, '');
  return pathname.endsWith(`/prompts/${file}.wav`) || pathname.endsWith(`/prompts/${file}`);
}

/** How a prompt reference reads in the smoke's output. */
export function describePrompt(ref: PromptRef): string {
  return ref.say !== undefined ? `say "${ref.say}"` : (ref.name ?? '?');
}
