import type { Command } from '../commands/command';
import type { AdaptiveCard, CardAction, CardElement } from './types';

/** Universal Actions need 1.4; Teams renders up to 1.5. */
export const CARD_VERSION = '1.5';
const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Forms whose inputs the bot turns into a command. */
export type FormName =
  | 'call'
  | 'groupcall'
  | 'connect'
  | 'meet'
  | 'meetingMove'
  | 'meetingCancel'
  | 'join'
  | 'presence'
  | 'remind'
  | 'invite'
  | 'transfer'
  | 'mute';

/** The data every Switchboard button carries: a command to run, or a form to read. */
export type ActionData =
  | { readonly sb: 'run'; readonly command: Command; readonly replace?: boolean }
  | {
      readonly sb: 'form';
      readonly form: FormName;
      readonly callId?: string;
      readonly meetingId?: string;
    };

/**
 * The id of a form's input: "<form>.<field>", with the call's (or meeting's) id when the form belongs to
 * one, so that the forms of several cards in a chat never clash.
 */
export function inputId(form: FormName, field: string, ownerId?: string): string {
  return ownerId ? `${form}.${field}.${ownerId}` : `${form}.${field}`;
}

/** A whole card with the common header fields. */
export function card(
  body: readonly CardElement[],
  actions: readonly CardAction[] = [],
  extra: Partial<Pick<AdaptiveCard, 'refresh' | 'fallbackText'>> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
    ...extra,
  };
}

export function heading(
  text: string,
  color: 'default' | 'good' | 'warning' | 'attention' | 'accent' = 'default',
): CardElement {
  return { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true, color, style: 'heading' };
}

export function text(
  value: string,
  opts: { subtle?: boolean; bold?: boolean; color?: string; size?: string; spacing?: string } = {},
): CardElement {
  return {
    type: 'TextBlock',
    text: value,
    wrap: true,
    ...(opts.subtle ? { isSubtle: true } : {}),
    ...(opts.bold ? { weight: 'Bolder' } : {}),
    ...(opts.color ? { color: opts.color } : {}),
    ...(opts.size ? { size: opts.size } : {}),
    ...(opts.spacing ? { spacing: opts.spacing } : {}),
  };
}

export function facts(rows: ReadonlyArray<readonly [string, string]>): CardElement {
  return { type: 'FactSet', facts: rows.map(([title, value]) => ({ title, value })) };
}

export function container(
  items: readonly CardElement[],
  opts: { style?: string; separator?: boolean } = {},
): CardElement {
  return {
    type: 'Container',
    items,
    ...(opts.style ? { style: opts.style } : {}),
    ...(opts.separator ? { separator: true, spacing: 'Medium' } : {}),
  };
}

/** A row: the main content stretches, the trailing button column fits. */
export function row(main: readonly CardElement[], trailing: readonly CardAction[]): CardElement {
  return {
    type: 'ColumnSet',
    columns: [
      { type: 'Column', width: 'stretch', verticalContentAlignment: 'Center', items: main },
      ...(trailing.length > 0
        ? [
            {
              type: 'Column',
              width: 'auto',
              verticalContentAlignment: 'Center',
              items: [actionSet(trailing)],
            },
          ]
        : []),
    ],
  };
}

export function actionSet(actions: readonly CardAction[]): CardElement {
  return { type: 'ActionSet', actions };
}

export interface ButtonOptions {
  readonly style?: 'positive' | 'destructive';
  /** The answer replaces the card the button is on (a refresh), instead of being posted below it. */
  readonly replace?: boolean;
}

/** Universal Action: Teams sends an adaptiveCard/action invoke and shows the card the bot answers with. */
export function runButton(title: string, command: Command, opts: ButtonOptions = {}): CardAction {
  const data: ActionData = { sb: 'run', command, ...(opts.replace ? { replace: true } : {}) };
  return {
    type: 'Action.Execute',
    title,
    verb: command.kind,
    data,
    ...(opts.style ? { style: opts.style } : {}),
  };
}

/** Universal Action that reads the inputs of the card it sits on. */
export function formButton(
  title: string,
  form: FormName,
  extra: { callId?: string; meetingId?: string } = {},
  style?: 'positive' | 'destructive',
): CardAction {
  const data: ActionData = { sb: 'form', form, ...extra };
  return { type: 'Action.Execute', title, verb: `form.${form}`, data, ...(style ? { style } : {}) };
}

/** Action.Submit that posts a chat message, as if the user typed it (Teams' imBack). */
export function sayButton(title: string, message: string): CardAction {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: message } } };
}

export function openUrl(title: string, url: string): CardAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function showCard(
  title: string,
  inner: readonly CardElement[],
  actions: readonly CardAction[],
): CardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body: inner, actions } };
}

export function textInput(id: string, label: string, placeholder: string, required = true): CardElement {
  return {
    type: 'Input.Text',
    id,
    label,
    placeholder,
    ...(required ? { isRequired: true, errorMessage: `${label} is needed.` } : {}),
  };
}

export function choiceInput(
  id: string,
  label: string,
  choices: ReadonlyArray<{ title: string; value: string }>,
): CardElement {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    style: 'compact',
    isRequired: true,
    errorMessage: `${label} is needed.`,
    value: choices[0]?.value,
    choices,
  };
}

const cardIso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An instant as Adaptive Cards' DATE/TIME functions want it, so each viewer sees their own local time. */
export function cardTime(ms: number): string {
  const iso = cardIso(ms);
  return `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`;
}

/** The time of day alone, in each viewer's local time. */
export function cardClock(ms: number): string {
  return `{{TIME(${cardIso(ms)})}}`;
}

/** "2 min 05 s", "1 h 02 min", "12 s". */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s).padStart(2, '0')} s`;
  return `${s} s`;
}
