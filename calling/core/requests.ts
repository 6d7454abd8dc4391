// Request bodies for Graph's call endpoints, built from the public API's plain arguments.
import type { IdentitySet, InvitationParticipantInfo, MediaPrompt } from '@microsoft/microsoft-graph-types';
import { CallOperationError } from './errors';

/** Someone to call, invite, redirect or transfer to. */
export type Party =
  | { readonly user: string; readonly displayName?: string; readonly tenantId?: string }
  | { readonly phone: string; readonly displayName?: string }
  | { readonly applicationInstance: string; readonly displayName?: string };

const E164 = /^\+[1-9]\d{6,14}$/;

function identity(id: string, extra: { displayName?: string; tenantId?: string } = {}) {
  return {
    '@odata.type': '#microsoft.graph.identity',
    id,
    ...(extra.displayName ? { displayName: extra.displayName } : {}),
    ...(extra.tenantId ? { tenantId: extra.tenantId } : {}),
  };
}

/** The identitySet for a party; a phone number must be E.164. */
export function identitySetOf(p: Party, defaultTenantId?: string): IdentitySet {
  if ('user' in p) {
    if (!p.user) throw new CallOperationError('invalid_request', 'A user target needs the user object id.');
    const tenantId = p.tenantId ?? defaultTenantId;
    return {
      '@odata.type': '#microsoft.graph.identitySet',
      user: identity(p.user, { displayName: p.displayName, ...(tenantId ? { tenantId } : {}) }),
    } as IdentitySet;
  }
  if ('phone' in p) {
    if (!E164.test(p.phone)) {
      throw new CallOperationError(
        'invalid_request',
        `"${p.phone}" is not an E.164 phone number; write it as +<country code><number>, e.g. +14255550123.`,
      );
    }
    return { '@odata.type': '#microsoft.graph.identitySet', phone: identity(p.phone) } as IdentitySet;
  }
  return {
    '@odata.type': '#microsoft.graph.identitySet',
    applicationInstance: identity(p.applicationInstance, { displayName: p.displayName }),
  } as IdentitySet;
}

/** An invitationParticipantInfo for a party (targets, invitees, transfer and redirect targets). */
export function invitee(
  p: Party,
  opts: { tenantId?: string; replacesCallId?: string } = {},
): InvitationParticipantInfo {
  return {
    '@odata.type': '#microsoft.graph.invitationParticipantInfo',
    identity: identitySetOf(p, opts.tenantId),
    ...(opts.replacesCallId ? { replacesCallId: opts.replacesCallId } : {}),
  } as InvitationParticipantInfo;
}

/** Service-hosted media: Microsoft plays prompts, records and detects tones (SPEC §2.4). */
export const SERVICE_HOSTED_MEDIA = { '@odata.type': '#microsoft.graph.serviceHostedMediaConfig' } as const;

const PROMPT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The URL of a prompt: an http(s) URL as given, or a name from the prompt set under promptsBaseUrl. */
export function promptUrl(prompt: string, promptsBaseUrl: string): string {
  if (/^https?:\/\//i.test(prompt)) return prompt;
  if (!PROMPT_NAME.test(prompt)) {
    throw new CallOperationError(
      'invalid_request',
      `"${prompt}" is neither an http(s) URL nor a prompt name (letters, digits, '.', '_', '-').`,
    );
  }
  const file = prompt.toLowerCase().endsWith('.wav') ? prompt : `${prompt}.wav`;
  return `${promptsBaseUrl.replace(/\/+$/, '')}/${file}`;
}

/** mediaPrompt objects for playPrompt/recordResponse (their resourceIds: prompt-resource-ids.ts). */
export function mediaPrompts(prompts: readonly string[], promptsBaseUrl: string): MediaPrompt[] {
  if (prompts.length === 0)
    throw new CallOperationError('invalid_request', 'Give at least one prompt to play.');
  if (prompts.length > 20)
    throw new CallOperationError('invalid_request', 'Graph plays at most 20 prompts per request.');
  return prompts.map((p) => {
    const uri = promptUrl(p, promptsBaseUrl);
    return {
      '@odata.type': '#microsoft.graph.mediaPrompt',
      mediaInfo: { '@odata.type': '#microsoft.graph.mediaInfo', uri },
    } as MediaPrompt;
  });
}

/** The operation id in a Location header (`.../operations/{id}`), if any. */
export function operationIdFromLocation(location: string | undefined): string | undefined {
  const m = location ? /\/operations\/([^/?#]+)/i.exec(location) : null;
  return m?.[1];
}
