import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { ConversationRoster, RosterMember } from '../commands/scope';
import type { BotLogger } from '../types';

/** Builds the roster for one turn. */
export type RosterFactory = (ctx: TurnContext) => ConversationRoster;

function member(m: {
  id: string;
  name?: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}): RosterMember {
  return {
    id: m.id,
    name: m.name ?? m.id,
    ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}),
    ...(m.email ? { email: m.email } : {}),
    ...(m.userPrincipalName ? { userPrincipalName: m.userPrincipalName } : {}),
  };
}

/** The Teams roster through botbuilder's TeamsInfo (the Bot Connector's members and meetings APIs). */
export function teamsRoster(logger: BotLogger): RosterFactory {
  return (ctx) => ({
    async member(id) {
      try {
        return member(await TeamsInfo.getMember(ctx, id));
      } catch (err) {
        // A member who left, or a connector that does not know them: the caller falls back to the name.
        logger.warn({ err, memberId: id }, 'roster lookup failed');
        return undefined;
      }
    },
    async members() {
      const out: RosterMember[] = [];
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedMembers(ctx, 100, token);
        out.push(...page.members.map(member));
        token = page.continuationToken;
      } while (token && out.length < 500);
      return out;
    },
    async meetingJoinUrl() {
      const meetingId = (ctx.activity.channelData as { meeting?: { id?: string } } | undefined)?.meeting?.id;
      if (!meetingId) return undefined;
      const info = await TeamsInfo.getMeetingInfo(ctx, meetingId);
      return info.details?.joinUrl ?? undefined;
    },
  });
}
