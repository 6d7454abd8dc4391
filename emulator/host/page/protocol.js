// The host side of the teams-js wire protocol, as plain functions: the runtime the host announces at
// initialize, and the (v1, flat) context object teams-js turns into app.getContext()'s shape.
'use strict';

(function () {
  const SDK_VERSION = '2.58.0';

  /**
   * teams-js frame context for a host context choice and stage: Teams shows a configuration page (the
   * "configure" stage, adding the tab) in the settings frame, and the tab itself in content or sidePanel.
   */
  function frameContextOf(choice, stage) {
    if (stage === 'configure') return 'settings';
    return choice === 'meetingSidePanel' ? 'sidePanel' : 'content';
  }

  /** What this host supports; teams-js refuses capabilities a host does not list. */
  function runtimeConfig() {
    return {
      apiVersion: 4,
      isLegacyTeams: false,
      hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
      supports: {
        app: { lifecycle: {} },
        appEntity: {},
        authentication: {},
        meeting: {},
        pages: { appButton: {}, tabs: {}, config: {}, backStack: {}, fullTrust: {} },
        teamsCore: {},
      },
    };
  }

  /** Teams' meeting id in a context: base64 of "0#<thread id>#0". */
  function meetingContextId(threadId) {
    return btoa(`0#${threadId}#0`);
  }

  /** The meeting surfaces among the context choices. */
  function isMeetingChoice(choice) {
    return choice === 'meetingSidePanel' || choice === 'meetingChatTab';
  }

  /**
   * A channel tab's team and channel, in the flat names teams-js maps to context.team (teamId is the
   * team's thread id, groupId its Microsoft 365 group) and context.channel.
   */
  function teamFields(team, channel) {
    return {
      teamId: team.internalId,
      groupId: team.id,
      teamName: team.displayName,
      teamType: 0,
      userTeamRole: 0,
      ...(channel ? { channelId: channel.id, channelName: channel.displayName, channelType: 'Regular' } : {}),
    };
  }

  /** The flat context the host answers getContext with. */
  function buildContext(s) {
    const inMeeting = isMeetingChoice(s.context) && s.meeting;
    const inTeam = s.context === 'teamChannel' && s.team;
    return {
      // A configured tab's context carries the entity id its configuration page saved.
      entityId: (s.saved && s.saved.entityId) || 'switchboard',
      frameContext: frameContextOf(s.context, s.stage),
      hostClientType: 'web',
      hostName: 'Teams',
      theme: s.theme,
      locale: 'en-us',
      appSessionId: s.sessionId,
      sessionId: s.sessionId,
      userObjectId: s.person.id,
      userPrincipalName: s.person.userPrincipalName,
      loginHint: s.person.userPrincipalName,
      userDisplayName: s.person.displayName,
      tid: s.tenantId,
      ...(inMeeting ? { meetingId: meetingContextId(s.meeting.threadId), chatId: s.meeting.threadId } : {}),
      ...(inTeam ? teamFields(s.team, s.channel) : {}),
    };
  }

  /** meeting.getMeetingDetails' answer: [error, details], as Teams gives it inside a meeting. */
  function meetingDetailsArgs(s) {
    if (!isMeetingChoice(s.context) || !s.meeting)
      return [{ errorCode: 100, message: 'This tab is not open in a meeting.' }, null];
    const m = s.meeting;
    return [
      null,
      {
        details: {
          id: meetingContextId(m.threadId),
          title: m.subject,
          type: 'Scheduled',
          joinUrl: m.joinWebUrl,
          scheduledStartTime: m.startDateTime,
          scheduledEndTime: m.endDateTime,
        },
        conversation: { id: m.threadId },
        organizer: m.organizerId ? { id: m.organizerId, tenantId: s.tenantId } : undefined,
      },
    ];
  }

  /** The answer teams-js expects for a request: its id and uuid, and the result arguments. */
  function response(request, args) {
    return { id: request.id, uuidAsString: request.uuidAsString, args };
  }

  /** initialize's answer: frame context, client type, runtime (JSON) and the SDK version supported. */
  function initializeArgs(s) {
    return [frameContextOf(s.context, s.stage), 'web', JSON.stringify(runtimeConfig()), SDK_VERSION];
  }

  globalThis.TeamsHostProtocol = {
    frameContextOf,
    runtimeConfig,
    meetingContextId,
    isMeetingChoice,
    teamFields,
    buildContext,
    meetingDetailsArgs,
    response,
    initializeArgs,
  };
})();
