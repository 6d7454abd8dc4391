// The Microsoft Graph application permissions Switchboard's features use, spelled exactly as Graph
// spells them (they appear verbatim as `roles` in the app token once an admin has consented).

/** Permission name → what needs it. */
export const REQUIRED_GRAPH_ROLES: ReadonlyArray<{ readonly role: string; readonly usedFor: string }> = [
  { role: 'Calls.Initiate.All', usedFor: 'place 1:1 calls, redirect and transfer calls' },
  { role: 'Calls.InitiateGroupCall.All', usedFor: 'place group calls and invite people into calls' },
  { role: 'Calls.JoinGroupCall.All', usedFor: 'join meetings and answer group calls' },
  {
    role: 'Calls.AccessMedia.All',
    usedFor: 'keypad menus (subscribeToTone) and short recordings (recordResponse)',
  },
  {
    role: 'OnlineMeetings.ReadWrite.All',
    usedFor: 'create, move and cancel meetings and look them up by join link',
  },
  {
    role: 'OnlineMeetingArtifact.Read.All',
    usedFor: "read a meeting's attendance report, to show who attended and for how long",
  },
  { role: 'Presence.Read.All', usedFor: 'read presence to route calls and show who is free' },
  { role: 'CallRecords.Read.All', usedFor: 'call records and their change notifications' },
  { role: 'User.Read.All', usedFor: 'find people by name or e-mail' },
];

/** The required roles the token lacks, in the order above. */
export function missingRoles(granted: readonly string[]): Array<{ role: string; usedFor: string }> {
  const have = new Set(granted.map((r) => r.toLowerCase()));
  return REQUIRED_GRAPH_ROLES.filter((r) => !have.has(r.role.toLowerCase())).map((r) => ({ ...r }));
}
