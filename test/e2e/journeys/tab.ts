// Adele's tab as its page calls the API (/api/tab/*), signed in through the emulator's Teams host.
import type { TabCall } from '../../../teams-tab/api/calls/call-view';
import type { TestApp } from '../../helpers/app';
import type { RunningEmulator } from '../../helpers/emulator';

export class Tab {
  private constructor(
    private readonly app: TestApp,
    private readonly token: string,
  ) {}

  /** Signs in as the person, with the token the emulator's Teams host page hands the tab. */
  static async signIn(emu: RunningEmulator, app: TestApp, personId: string): Promise<Tab> {
    const res = await fetch(`${emu.httpUrl}/host/token`, {
      method: 'POST',
      body: JSON.stringify({ personId, fault: 'none' }),
    });
    if (res.status !== 200) throw new Error(`the host page gave no token: ${res.status}`);
    return new Tab(app, ((await res.json()) as { token: string }).token);
  }

  private async api<T>(method: string, p: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.app.url}/api/tab${p}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** The user's calls of the last day, ended ones included, as the tab lists them. */
  async calls(): Promise<TabCall[]> {
    const res = await this.api<{ calls: TabCall[] }>('GET', '/calls?all=1');
    if (res.status !== 200) throw new Error(`GET /api/tab/calls: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.calls;
  }

  /** One call as the tab shows it; undefined when the tab does not show it as the user's. */
  async call(id: string): Promise<TabCall | undefined> {
    const res = await this.api<{ call: TabCall }>('GET', `/calls/${encodeURIComponent(id)}`);
    if (res.status === 404) return undefined;
    if (res.status !== 200)
      throw new Error(`GET /api/tab/calls/${id}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.call;
  }

  /** The meeting panel for a meeting chat: the app's call in it, if any. */
  async meeting(chatId: string): Promise<{ call: TabCall | null; meeting: { subject?: string } | null }> {
    const res = await this.api<{ call: TabCall | null; meeting: { subject?: string } | null }>(
      'GET',
      `/meeting?chatId=${encodeURIComponent(chatId)}`,
    );
    if (res.status !== 200)
      throw new Error(`GET /api/tab/meeting: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}
