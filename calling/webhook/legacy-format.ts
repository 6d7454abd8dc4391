/**
 * Recognises an incoming call offered in the pre-Graph (Skype bot platform) format. Teams may announce a
 * new call that way first and re-sends it in the Graph format when the bot answers 204 (SPEC §10.1).
 * The old contract's incoming-call body is a conversation whose required fields are `id`, `participants`,
 * `presentedModalityTypes` and `callState`; a Graph body has none of the last three and always has either
 * `value` or `changeType`, so the two cannot be mistaken for each other.
 */
export function isLegacyIncomingCall(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const b = body as Record<string, unknown>;
  if ('value' in b || 'changeType' in b) return false;
  return (
    typeof b['id'] === 'string' &&
    Array.isArray(b['participants']) &&
    Array.isArray(b['presentedModalityTypes']) &&
    typeof b['callState'] === 'string'
  );
}
