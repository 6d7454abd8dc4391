// Graph call records as the calling module keeps them: one summary per record, newest version wins.

/** A Graph call record as the app keeps it: who, when, how; times are epoch milliseconds. */
export interface CallRecordSummary {
  /** Lower-case record id (the call's callChainId). */
  id: string;
  version: number;
  /** Graph's callType: peerToPeer, groupCall, unknown... */
  type: string;
  modalities: string[];
  startAt: number;
  endAt: number;
  /** The organizer's user id, when a user organized the call. */
  organizerId: string | null;
  /** User ids of the participants (lower-case, no duplicates). */
  participantIds: string[];
}

/** What a put did: stored a new record, replaced an older version, or kept the stored one. */
export type RecordPutResult = 'inserted' | 'updated' | 'kept';

/** Call-record summaries; a newer version replaces an older one, never the other way round. */
export interface CallRecordSummaries {
  put(summary: CallRecordSummary, storedAt: number): Promise<RecordPutResult>;
  get(id: string): Promise<CallRecordSummary | undefined>;
  /** The stored versions of these record ids (absent ids are not in the map). */
  versions(ids: readonly string[]): Promise<Map<string, number>>;
  /** Records `userId` organized or took part in that started in [fromMs, toMs), oldest first. */
  forUser(userId: string, fromMs: number, toMs: number): Promise<CallRecordSummary[]>;
  /** Removes records that started before `beforeMs`; returns how many. */
  purgeBefore(beforeMs: number): Promise<number>;
}
