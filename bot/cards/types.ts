// Adaptive Card JSON as the bot writes it. The adaptivecards package ships classes, not JSON types, so these
// are hand-written and loose on purpose: tests run every card through the package's own parser.

/** Any card element (TextBlock, Container, ColumnSet, Input.*, ...). */
export interface CardElement {
  readonly type: string;
  readonly [key: string]: unknown;
}

export interface CardAction {
  readonly type: 'Action.Execute' | 'Action.Submit' | 'Action.OpenUrl' | 'Action.ShowCard';
  readonly title: string;
  readonly [key: string]: unknown;
}

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  /** Universal Actions: how Teams asks the bot for an up-to-date card. */
  readonly refresh?: { readonly action: CardAction; readonly userIds?: readonly string[] };
  readonly msteams?: { readonly width?: 'Full' };
  readonly fallbackText?: string;
}
