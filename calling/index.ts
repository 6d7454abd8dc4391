export type {
  CallInbox,
  InboundBatch,
  ParsedNotification,
  ResourceKind,
  ChangeType,
  ResultInfo,
} from './types';
export { createCallsEdge, type CallsEdgeDeps } from './webhook/calls-edge';
export { createCallingKeys, type CallingKeys, type CallingKeysOptions } from './webhook/openid-keys';
export { createTokenVerifier, type TokenVerifierOptions } from './webhook/verify-token';
export { createSigningKeys, type SigningKeys, type SigningKeysOptions } from './auth/signing-keys';
export {
  verifyJwt,
  type JwtClaims,
  type JwtRejection,
  type JwtResult,
  type JwtRules,
} from './auth/verify-jwt';
export { createKvInbox, readKvInbox, KV_INBOX_NAMESPACE } from './webhook/kv-inbox';
export type {
  CallsEdge,
  CallsRequest,
  CallsResponse,
  TokenCheck,
  TokenRejection,
  TokenVerifier,
  WebhookLogger,
} from './webhook/types';
// The call model (calling/core) and the prompt check (calling/prompts).
export {
  createCallingService,
  callGraphFrom,
  createCallGraph,
  CallOperationError,
  CALL_STATES,
  CALL_MACHINE,
  decide,
  describeEnd,
  readResultInfo,
  endWords,
  outcomeOf,
  ringOutcome,
  wordsFor,
  callModel,
} from './core';
export type {
  CallingService,
  CallingServiceOptions,
  CallingApi,
  CallGraph,
  OperationAccepted,
  CoreLogger,
  Clock,
  CallingTiming,
  PromptResourceId,
  CallingEvents,
  CallingEventName,
  CallView,
  OperationView,
  ParticipantView,
  PartyIdentity,
  IdentityKind,
  Party,
  PlaceCallRequest,
  JoinMeetingOptions,
  TransferOptions,
  CallSource,
  RecordOptions,
  RecordingResult,
  OpOptions,
  CallState,
  CallEvent,
  Outcome,
  CallOutcome,
  CallOperationErrorCode,
  Call,
  CallEnd,
  CallMeeting,
  CallOrigin,
  CallPerson,
  CallPhase,
  CallPurpose,
  CallSurface,
  PersonStatus,
  CallAnnotations,
  CallModelOptions,
} from './core';
export {
  checkPrompts,
  PromptCheckError,
  createPromptResourceIds,
  promptResourceId,
  type PromptFolder,
} from './prompts';
// Graph spells one id several ways: compare call and operation ids with sameId, never with ===.
export { idKey, sameId } from './ids';
export { CallingError, isCallingError, type CallingErrorCode } from './errors';
// Flows on the call model: reminder calls, click-to-call, and the notify interface they report through.
export { NO_ALERTS_CHAT, type AgentRungNotice, type Notifier, type NotificationCard } from './flows/notify';
// Call queues as people see them: each queue's board (chat card, tab), its watcher, the agent's ring card.
export {
  agentIds,
  cachedPresence,
  createAgentPresence,
  createQueueBoards,
  notifyAgentRung,
  type AgentPresence,
  type PresenceChanges,
  watchBoards,
  type BoardPresenceReader,
  type BoardWatch,
  type QueueBoard,
  type QueueBoards,
} from './flows/queue';
export {
  createReminders,
  reminderOfFlow,
  ReminderError,
  DEFAULT_REMINDER_TIMING,
  REMINDER_FLOW,
  reminderKey,
} from './flows/reminders';
export type {
  Reminders,
  RemindersOptions,
  ListRemindersOptions,
  ReminderFlowState,
  ReminderTiming,
  Voice,
  Reminder,
  ReminderAttempt,
  ReminderOutcome,
  ReminderRequester,
  ReminderStatus,
  ReminderTarget,
  RetryPolicy,
  AttemptResult,
  ScheduleReminderRequest,
} from './flows/reminders';
export { createClickToCall, ClickToCallError, DEFAULT_CLICK_TO_CALL_TIMING } from './flows/click-to-call';
export type {
  ClickToCall,
  ClickToCallOptions,
  ClickToCallTiming,
  ConnectRequest,
  ConnectRecord,
  ConnectResult,
} from './flows/click-to-call';
// The front desk and the IVR, with their runtime, text prompts and recording analysis.
export {
  createCallFlows,
  loadCallFlowFiles,
  NOT_SET_UP_MESSAGE,
  createFrontDesk,
  decide as decideFrontDesk,
  describeAction as describeFrontDeskAction,
  frontDeskConfigSchema,
  loadFrontDeskConfig,
  validateFrontDeskConfig,
  openAt,
  describeWeek,
  describeHolidays,
  FRONTDESK_KV,
} from './flows/frontdesk';
export type {
  CallFlows,
  CallFlowFiles,
  CallFlowsOptions,
  FrontDesk,
  FrontDeskOptions,
  FrontDeskConfig,
  FrontDeskRule,
  FrontDeskAction,
  Hours as FrontDeskHours,
  Decision as FrontDeskDecision,
} from './flows/frontdesk';
export {
  createIvrFlow,
  loadMenus,
  menuSchema,
  initialIvrState,
  IVR_FLOW,
  createLoggingNotifier,
} from './flows/ivr';
export type { IvrDeps, IvrState, Menu, MenuSet } from './flows/ivr';
export {
  createFlowRuntime,
  ConfigFileError,
  DEFAULT_WATCHDOG_TIMING,
  undriven,
  WATCHDOG_JOB,
} from './flows/runtime';
export type {
  FlowRuntime,
  WatchdogTiming,
  FlowHandler,
  FlowControl,
  FlowEvent,
  StoredFlow,
  Directory,
} from './flows/runtime';
export { createPromptCache, SynthesisError } from './flows/tts';
export type { Synthesizer, TextPrompts } from './flows/tts';
export {
  createEnergyAnalyser,
  createRecordingFetcher,
  forgetRecordings,
  analyseRecording,
} from './flows/analysis';
export type { RecordingAnalyser, RecordingFetcher, SpeechAnalysis, RecordingBranch } from './flows/analysis';
// Speech recognition for listen nodes: Azure AI Speech's short-audio REST API behind an interface.
export { createAzureSpeechRecogniser, RecognitionError, recognitionUrl } from './flows/speech';
export type { AzureSpeechOptions, Recognition, SpeechRecogniser } from './flows/speech';
// Outbound HTTP: one fetch over one undici dispatcher trusting the extra CA, built by the composition root.
export { createOutbound, sendTextVia } from './http';
export type { Fetch, Outbound, OutboundOptions, SendText, TextAnswer, TextRequest } from './http';
export { createFetchJson, type FetchJson } from './webhook/fetch-json';
// The Graph services (tokens, client, typed APIs) the composition root shares between the call model,
// the bot's ports, the tab API and doctor: one token cache, one connection pool.
export { createGraphServices, parseJoinUrl, guidanceForCallingCode } from './graph';
export type {
  GraphServices,
  GraphServicesOptions,
  TokenProvider,
  CallsApi,
  ParticipantsApi,
  MeetingsApi,
  MeetingActor,
  MeetingUpdate,
  AttendanceApi,
  PresenceApi,
  UsersApi,
  JoinCoordinates,
} from './graph';
// Graph call records: the subscription, notifications, summaries in the store, reconcile on start.
export {
  createCallRecords,
  canReceiveNotifications,
  summariseRecord,
  readRecordNotices,
  RECORDS_KV,
} from './records';
export type { CallRecordsService, CallRecordsOptions, RecordNotices } from './records';
// Switchboard's meetings: one record per meeting it created, moves, cancellations and attendance.
export {
  createMeetingService,
  summariseAttendance,
  isOrganizer,
  ATTENDANCE_JOB,
  UNNAMED_ATTENDEE,
} from './meetings';
export type {
  MeetingService,
  MeetingServiceOptions,
  MeetingCalls,
  MeetingEvent,
  MeetingEventKind,
  MeetingGraph,
  MeetingMove,
  MeetingRequester,
  NewMeeting,
} from './meetings';
// The storage interface the calling module runs on; the app's store implements it, and so does the
// in-memory storage for tests and single-process bots (calling/README.md).
export { createMemoryStorage, isLockTimeout, LOCK_TIMEOUT } from './storage';
export type {
  AgentState,
  AttendanceEntry,
  CallData,
  CallInboxRepo,
  CallingStorage,
  CallJsonRewrite,
  CallOperationsRepo,
  CallRecordSummaries,
  CallRecordSummary,
  CallsRepo,
  CallTimelineRepo,
  ClaimedJob,
  ClaimOptions,
  FlowData,
  FlowsRepo,
  FlowTask,
  FlowTimer,
  InboxRow,
  InboxRowKind,
  Instances,
  JobRow,
  Jobs,
  KeyValue,
  KvEntry,
  LeaseGroup,
  LockLease,
  LockOptions,
  Locks,
  MemoryStorageOptions,
  MeetingAttendance,
  MeetingChange,
  MeetingPerson,
  MeetingRecords,
  NewInboxRow,
  NewJob,
  OfferOptions,
  OperationSettlement,
  PickPolicyName,
  PutOptions,
  QueueAgent,
  QueueEntry,
  QueueEntryStatus,
  QueueStore,
  RecordPutResult,
  RingOffer,
  RingOutcome,
  StoredCall,
  StoredCallPatch,
  StoredFlowRecord,
  StoredMeeting,
  StoredOperation,
  StoredOperationStatus,
  TimelineEntry,
  TimelineKind,
} from './storage';
// Picking a queue's next agent, shared with storage implementations so that every one picks alike.
export { pickAgent, type PickInput } from './storage';
// Batching shared with storage implementations (the store's leases run on it).
export { createStatementBatch, type BatchOptions, type RunBatch } from './core/batch';
// Wall-clock time in IANA time zones (Luxon), shared with the app's bot through its time/ folder;
// calling/time/index.ts names what is public.
export * from './time';
