// Which Graph permission an endpoint needs (SPEC §3, §4, §6, §7, §8), so a 403 can name it. The first
// matching rule wins, so narrower paths come before the collections they sit under.

const RULES: ReadonlyArray<{ method?: string; path: RegExp; permission: string }> = [
  {
    method: 'POST',
    path: /^\/communications\/calls\/[^/]+\/participants\/invite$/i,
    permission: 'Calls.InitiateGroupCall.All',
  },
  {
    method: 'POST',
    path: /^\/communications\/calls\/[^/]+\/(recordResponse|subscribeToTone)$/i,
    permission: 'Calls.AccessMedia.All',
  },
  {
    method: 'POST',
    path: /^\/communications\/calls\/[^/]+\/updateRecordingStatus$/i,
    permission: 'Calls.JoinGroupCall.All and Calls.AccessMedia.All',
  },
  {
    method: 'POST',
    path: /^\/communications\/calls\/[^/]+\/(redirect|transfer)$/i,
    permission: 'Calls.Initiate.All',
  },
  {
    method: 'POST',
    path: /^\/communications\/calls\/[^/]+\/answer$/i,
    permission: 'Calls.JoinGroupCall.All (to answer group calls)',
  },
  {
    method: 'POST',
    path: /^\/communications\/calls$/i,
    permission:
      'Calls.Initiate.All (1:1 calls), Calls.InitiateGroupCall.All (group calls) or Calls.JoinGroupCall.All (meetings)',
  },
  {
    path: /^\/users\/[^/]+\/onlineMeetings\/[^/]+\/attendanceReports/i,
    permission: 'OnlineMeetingArtifact.Read.All',
  },
  {
    path: /^\/me\/onlineMeetings\/[^/]+\/attendanceReports/i,
    permission: 'OnlineMeetingArtifact.Read.All (delegated)',
  },
  { path: /^\/users\/[^/]+\/onlineMeetings/i, permission: 'OnlineMeetings.ReadWrite.All' },
  { path: /^\/me\/onlineMeetings/i, permission: 'OnlineMeetings.ReadWrite (delegated)' },
  {
    path: /^\/(users\/[^/]+\/presence|communications\/(getPresencesByUserId|presences))/i,
    permission: 'Presence.Read.All',
  },
  { path: /^\/me\/presence/i, permission: 'Presence.Read (delegated)' },
  { path: /^\/communications\/callRecords/i, permission: 'CallRecords.Read.All' },
  { path: /^\/users/i, permission: 'User.Read.All' },
];

/** The permission `method path` needs, or undefined when we have no rule for it. */
export function permissionFor(method: string, path: string): string | undefined {
  const bare = path.split('?')[0] ?? '';
  const m = method.toUpperCase();
  return RULES.find((r) => (r.method === undefined || r.method === m) && r.path.test(bare))?.permission;
}
