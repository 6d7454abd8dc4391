// Reads an answer's body into memory, refusing one larger than a limit without reading it all.
import type { Response } from 'undici';

/** The body's bytes; rejects (and stops the download) past `maxBytes`, naming `what`. */
export async function readLimited(res: Response, maxBytes: number, what: string): Promise<Buffer> {
  const tooLarge = () => new Error(`${what} is larger than ${maxBytes} bytes`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body ?? []) {
    size += (chunk as Uint8Array).byteLength;
    if (size > maxBytes) {
      await res.body?.cancel();
      throw tooLarge();
    }
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(chunks);
}
