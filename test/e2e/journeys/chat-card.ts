// One card in the chat as the Playground received it: posted once, then edited in place by the bot.
import type { AdaptiveCard } from '../../../bot/cards/types';
import { button, buttons, cardText } from '../../unit/bot/validate-card';
import { cardOfMessage, type Playground, type StreamEvent } from '../bot/playground';

export class ChatCard {
  constructor(
    private readonly pg: Playground,
    private readonly chat: string,
    readonly messageId: string,
  ) {}

  /** The text of the card in a websocket event ('' when the event carries none). */
  static textOf(e: StreamEvent): string {
    const card = cardOfMessage(e.message);
    return card ? cardText(card) : '';
  }

  private versions(): StreamEvent[] {
    return this.pg.events.filter(
      (e) =>
        (e.action === 'createMessage' || e.action === 'updateMessage') &&
        e.message?.messageId === this.messageId &&
        cardOfMessage(e.message) !== undefined,
    );
  }

  /** Every text the card has shown, oldest first. */
  history(): string[] {
    return this.versions().map(ChatCard.textOf);
  }

  /** The card as it reads now. */
  card(): AdaptiveCard {
    const last = this.versions().at(-1);
    if (!last) throw new Error(`no card ${this.messageId} in the chat`);
    return cardOfMessage(last.message)!;
  }

  text(): string {
    return cardText(this.card());
  }

  /** Waits until the card, posted or edited, reads `re`; resolves with that text. */
  async until(re: RegExp, what: string, timeoutMs = 20_000): Promise<string> {
    if (this.versions().length > 0 && re.test(this.text())) return this.text();
    const e = await this.pg.waitFor(
      (x) =>
        x.message?.messageId === this.messageId &&
        re.test(ChatCard.textOf(x)) &&
        this.versions().at(-1) === x,
      `the card to read ${what} (${re}); it reads:\n${this.history().at(-1) ?? ''}`,
      timeoutMs,
    );
    return ChatCard.textOf(e);
  }

  /** The call the card shows, named by its buttons (a card for a live call has them). */
  callId(): string {
    for (const b of buttons(this.card())) {
      const data = b.data as { callId?: unknown; command?: { callId?: unknown } } | undefined;
      const id = data?.command?.callId ?? data?.callId;
      if (typeof id === 'string') return id;
    }
    throw new Error(`the card names no call; it reads:\n${this.text()}`);
  }

  /** Presses a button (Action.Execute); `inputs` are the values of the card's inputs. Resolves with the answer. */
  async press(title: string, inputs: Record<string, unknown> = {}): Promise<unknown> {
    const b = button(this.card(), title);
    return this.pg.execute(this.chat, this.messageId, {
      verb: b.verb,
      data: { ...(b.data as Record<string, unknown>), ...inputs },
    });
  }
}
