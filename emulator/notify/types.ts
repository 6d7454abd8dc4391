export type ChangeType = 'created' | 'updated' | 'deleted';

/** One element of a commsNotifications POST (see test/fixtures/graph/notifications/). */
export interface CommsNotification {
  '@odata.type': '#microsoft.graph.commsNotification';
  changeType: ChangeType;
  resource?: string;
  resourceUrl: string;
  callbackUri?: string;
  resourceData: object | object[];
}

/** The body of a commsNotifications POST. */
export interface CommsNotifications {
  '@odata.type': '#microsoft.graph.commsNotifications';
  value: CommsNotification[];
}
