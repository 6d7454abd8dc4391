// How the body of a Graph answer is read.

/** JSON when it parses, the text otherwise, undefined when empty. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined;
  if (contentType && !/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Graph sometimes labels proxy error pages as JSON; keep the text for the error message.
    return text;
  }
}
