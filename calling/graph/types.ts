// Types shared by the Graph client and the typed APIs built on it.
import type {
  CallOptions,
  InvitationParticipantInfo,
  MediaConfig,
  Modality,
  ParticipantInfo,
  MediaPrompt,
  RecordingStatus,
  RejectReason,
  Tone,
} from '@microsoft/microsoft-graph-types';

/** Who a request is for, carried into logs (and the tenant into token selection). */
export interface GraphContext {
  /** The tenant whose token is used; default: the app's home tenant. */
  readonly tenantId?: string;
  readonly callId?: string;
  readonly clientContext?: string;
}

/** Whose token a request carries: the app's, or a user's obtained on-behalf-of their token for our API. */
export type GraphAuth =
  | { readonly kind: 'app' }
  | { readonly kind: 'user'; readonly userAssertion: string; readonly scopes?: readonly string[] };

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request to Graph. */
export interface GraphRequestSpec {
  readonly method: GraphMethod;
  /** Version-less path under GRAPH_BASE_URL, starting with '/', e.g. `/communications/calls`. */
  readonly path: string;
  /** Query options with their plain values (`$filter` etc.); the client encodes them. */
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly context?: GraphContext;
  /** Default: the app's token for context.tenantId. */
  readonly auth?: GraphAuth;
  /** Overrides the method-based rule on whether an ambiguous failure may be retried (a read sent as POST). */
  readonly idempotent?: boolean;
}

/** A successful Graph answer. */
export interface GraphResponse<T> {
  readonly status: number;
  /** Parsed JSON body; undefined for an empty body. */
  readonly body: T | undefined;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly requestId?: string;
  /** The client-request-id of the attempt that succeeded. */
  readonly clientRequestId: string;
  readonly attempts: number;
}

/** Sends requests to Graph with tokens, retries and error mapping. */
export interface GraphClient {
  /** GRAPH_BASE_URL without a trailing slash. */
  readonly baseUrl: string;
  /** Sends one request; throws CallingError for any failure. */
  request<T>(spec: GraphRequestSpec): Promise<GraphResponse<T>>;
  /** GETs a collection and follows `@odata.nextLink` on the same host, up to `maxPages` pages. */
  getAll<T>(spec: Omit<GraphRequestSpec, 'method' | 'body'>, maxPages?: number): Promise<T[]>;
}

/** A wire object with its `@odata.type`, which Graph wants on derived types (meetingInfo, mediaConfig...). */
export type Typed<T> = T & { '@odata.type': string };

/** An identity with the `tenantId` Graph's calling payloads carry but the published typings lack. */
export interface TenantIdentity {
  readonly id: string;
  readonly tenantId: string;
  readonly displayName?: string;
}

// Action parameters (the CSDL's action signatures; the published typings describe entities only).

/** Optional correlation value echoed in the operation and its notifications (≤ 256 chars). */
export interface ClientContextParams {
  readonly clientContext?: string;
}
export interface AnswerParams {
  readonly callbackUri?: string;
  readonly acceptedModalities: Modality[];
  readonly mediaConfig: Typed<MediaConfig>;
  readonly callOptions?: CallOptions;
  readonly participantCapacity?: number;
}
export interface RejectParams {
  readonly reason?: RejectReason;
  readonly callbackUri?: string;
}
export interface RedirectParams {
  readonly targets: InvitationParticipantInfo[];
  /** Seconds, 15–90. */
  readonly timeout?: number;
  readonly callbackUri?: string;
}
export interface TransferParams extends ClientContextParams {
  readonly transferTarget: InvitationParticipantInfo;
  /** Only for group calls: who is being transferred out. */
  readonly transferee?: ParticipantInfo;
}
export interface PlayPromptParams extends ClientContextParams {
  readonly prompts: Typed<MediaPrompt>[];
}
export interface RecordResponseParams extends ClientContextParams {
  readonly prompts?: Typed<MediaPrompt>[];
  readonly bargeInAllowed?: boolean;
  readonly initialSilenceTimeoutInSeconds?: number;
  readonly maxSilenceTimeoutInSeconds?: number;
  readonly maxRecordDurationInSeconds?: number;
  readonly playBeep?: boolean;
  readonly stopTones?: string[];
}
export interface SendDtmfTonesParams extends ClientContextParams {
  readonly tones: Tone[];
  readonly delayBetweenTonesMs?: number;
}
export interface UpdateRecordingStatusParams extends ClientContextParams {
  readonly status: RecordingStatus;
}
export interface InviteParams extends ClientContextParams {
  readonly participants: InvitationParticipantInfo[];
}
export interface StartHoldMusicParams extends ClientContextParams {
  readonly customPrompt?: Typed<MediaPrompt>;
}
