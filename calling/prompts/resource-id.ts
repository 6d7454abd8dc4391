// Graph's cache key for a prompt's media (mediaInfo.resourceId): Graph keeps the media it fetched under
// that id and plays the cached copy whenever the id comes again. So the same content must always get
// the same id (on every instance, after every restart) and changed content a new one: the id is a
// name-based UUID of the bytes, which any instance works out alike.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { v5 as uuidv5 } from 'uuid';

// The namespace of Switchboard's prompt ids (a random UUID chosen once; changing it re-keys every prompt).
const NAMESPACE = '7ec54f83-3b02-4aba-a2ae-0d291528ea1c';

/** The resourceId of a prompt with these bytes: a version 5 UUID named by the SHA-256 of the bytes. */
export function promptResourceId(bytes: Uint8Array): string {
  return uuidv5(createHash('sha256').update(bytes).digest('hex'), NAMESPACE);
}

/** A folder of WAVs the app serves, and the public URL it serves them at. */
export interface PromptFolder {
  readonly baseUrl: string;
  readonly dir: string;
}

// What the app serves: one file name straight under the folder's URL, no query, no way up.
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.wav$/i;

/**
 * The resourceId of each prompt the app serves from these folders, by URL, from the file's bytes
 * (read once, again when the file changes); undefined for media it does not serve or cannot read.
 */
export function createPromptResourceIds(
  folders: readonly PromptFolder[],
): (uri: string) => Promise<string | undefined> {
  // Deeper URLs first: the text-prompt folder is served under the prompt set's URL.
  const bases = folders
    .map((f) => ({ base: `${f.baseUrl.replace(/\/+$/, '')}/`, dir: f.dir }))
    .sort((a, b) => b.base.length - a.base.length);
  const known = new Map<string, { size: number; mtimeMs: number; id: string }>();

  function fileOf(uri: string): string | undefined {
    const folder = bases.find((f) => uri.startsWith(f.base));
    const name = folder && uri.slice(folder.base.length);
    return folder && name && FILE_NAME.test(name) ? path.join(folder.dir, name) : undefined;
  }

  return async (uri) => {
    const file = fileOf(uri);
    if (!file) return undefined;
    // A prompt that is missing or unreadable gets no id: Graph then fetches the URL and reports it.
    // Looked at on every prompt, so synchronously: a stat of a local file takes microseconds, while the
    // promise version's round trip through the thread pool cost more than the rest of playPrompt's own
    // work under a burst of calls.
    let info;
    try {
      info = statSync(file, { throwIfNoEntry: false });
    } catch {
      info = undefined;
    }
    if (!info?.isFile()) return undefined;
    const seen = known.get(file);
    if (seen && seen.size === info.size && seen.mtimeMs === info.mtimeMs) return seen.id;
    const bytes = await readFile(file).catch(() => undefined);
    if (!bytes) return undefined;
    const id = promptResourceId(bytes);
    known.set(file, { size: info.size, mtimeMs: info.mtimeMs, id });
    return id;
  };
}
