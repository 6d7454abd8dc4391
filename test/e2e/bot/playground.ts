// Drives the real Microsoft 365 Agents Playground (offline) through the REST and websocket API its web
// client uses: /_internal/v1/config, /_conversation/v1/conversations/{id}/messages, /_conversation/v1/invoke,
// /_conversation/v1/submit, /_debug/conversation/{id}/installation and ws /_ws_conversation/v1/conversations/stream.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import type { AdaptiveCard } from '../../../bot/cards/types';
import { freePort } from '../../helpers/free-port';

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
/** The project's Playground configuration (the emulated tenant's people, chats and teams). */
const CONFIG = path.resolve(__dirname, '../../../bot/playground.yml');

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChats: Array<{ id: string; name: string }>;
  teams: Array<{ id: string; name: string; channels: Array<{ id: string; name: string }> }>;
}

/** A message as the Playground's client sees it (after the bot created or updated it). */
export interface PlaygroundMessage {
  messageId: string;
  from: { id: string };
  text?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
}

export interface StreamEvent {
  action: string;
  actionConversationId: string;
  message?: PlaygroundMessage;
}

export interface Playground {
  readonly url: string;
  readonly config: PlaygroundConfig;
  /** Every websocket event so far, in order. */
  readonly events: StreamEvent[];
  /** The Playground's own log lines (for failure messages). */
  log(): Promise<string>;
  /** The current user types a message; returns the Playground's message id. */
  say(conversationId: string, text: string, mentions?: Array<{ id: string; text: string }>): Promise<string>;
  /** The app is installed in the conversation (installationUpdate + conversationUpdate). */
  install(conversationId: string): Promise<void>;
  /** An Action.Execute click on a card; resolves with the bot's invoke response body. */
  execute(
    conversationId: string,
    messageId: string,
    action: { verb?: unknown; data?: unknown },
  ): Promise<unknown>;
  /** An Action.Submit click on a card. */
  submit(conversationId: string, messageId: string, data: unknown): Promise<void>;
  /** Waits for a websocket event (created or updated bot message) that satisfies the predicate. */
  waitFor(pred: (e: StreamEvent) => boolean, what: string, timeoutMs?: number): Promise<StreamEvent>;
  stop(): Promise<void>;
}

/** The Adaptive Card in a Playground message, if any. */
export function cardOfMessage(m: PlaygroundMessage | undefined): AdaptiveCard | undefined {
  const a = m?.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');
  return a?.content as AdaptiveCard | undefined;
}

async function json(url: string, method: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  if (text && /json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
  if (res.status >= 400) throw new Error(`Playground ${method} ${url}: ${res.status} ${text.slice(0, 500)}`);
  return { status: res.status, body: parsed };
}

/** Starts the Playground against a bot endpoint (bot/playground.yml unless another config file is named); stop() ends it and removes its files. */
export async function startPlayground(opts: {
  botEndpoint: string;
  configPath?: string;
  timeoutMs?: number;
}): Promise<Playground> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-playground-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(dir, 'playground.log');
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, '-e', opts.botEndpoint, '-c', 'msteams', '--dt', '-p', String(port), '--su', `${url}/_connector`],
    {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: dir,
        APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
        // Headless: never try to open a browser (it exits when xdg-open is missing).
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: opts.configPath ?? CONFIG,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  let ws: WebSocket | undefined;
  const stop = async () => {
    ws?.close();
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(
        () => reject(new Error(`Playground did not start: ${stderr.join('\n')}`)),
        opts.timeoutMs ?? 30_000,
      );
      createInterface({ input: child.stdout! }).on('line', (l) => {
        if (!l.includes(`Listening on ${port}`)) return;
        clearTimeout(t);
        resolve();
      });
      void exited.then(() => (clearTimeout(t), reject(new Error(`Playground exited: ${stderr.join('\n')}`))));
    });
    const config = ((await json(`${url}/_internal/v1/config`, 'GET')).body as { config: PlaygroundConfig })
      .config;
    const events: StreamEvent[] = [];
    const waiters: Array<{ pred: (e: StreamEvent) => boolean; resolve: (e: StreamEvent) => void }> = [];
    const socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    ws = socket;
    socket.on('message', (data: Buffer) => {
      const e = JSON.parse(data.toString('utf8')) as StreamEvent;
      events.push(e);
      for (const w of [...waiters]) {
        if (!w.pred(e)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    });
    await new Promise<void>(
      (resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)),
    );
    const from = { id: config.currentUser.id };
    return {
      url,
      config,
      events,
      log: () => readFile(logFile, 'utf8').catch(() => ''),
      async say(conversationId, text, mentions) {
        const r = await json(
          `${url}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
          'POST',
          {
            from,
            text,
            textFormat: 'plain',
            ...(mentions
              ? { mentions: mentions.map((m) => ({ mentioned: { id: m.id }, text: m.text })) }
              : {}),
          },
        );
        return (r.body as { messageId: string }).messageId;
      },
      async install(conversationId) {
        await json(
          `${url}/_debug/conversation/${encodeURIComponent(conversationId)}/installation`,
          'POST',
          {},
        );
      },
      async execute(conversationId, messageId, action) {
        const r = await json(`${url}/_conversation/v1/invoke`, 'POST', {
          name: 'adaptiveCard/action',
          value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data } },
          from,
          conversation: { id: conversationId },
          replyToId: messageId,
        });
        return r.body;
      },
      async submit(conversationId, messageId, data) {
        await json(`${url}/_conversation/v1/submit`, 'POST', {
          value: data,
          from,
          conversation: { id: conversationId },
          replyToId: messageId,
        });
      },
      waitFor(pred, what, timeoutMs = 20_000) {
        const seen = events.find(pred);
        if (seen) return Promise.resolve(seen);
        return new Promise((resolve, reject) => {
          const t = setTimeout(
            () =>
              reject(
                new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events).slice(-3000)}`),
              ),
            timeoutMs,
          );
          waiters.push({ pred, resolve: (e) => (clearTimeout(t), resolve(e)) });
        });
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
