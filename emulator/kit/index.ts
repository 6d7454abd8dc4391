// The emulator's test kit: start a local Microsoft 365 from a test, script its people, press their
// keys, inject faults and move its clock, through the control API (CONTROL.md). It is the emulator's
// public programmatic face; it shares no code with any app that uses it.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { controlClient, expectOk, type Control } from './control';
import { launch } from './launch';

export { EmulatorControlError, type Control, type ControlResponse } from './control';

/** A person's behaviour when rung and once connected (CONTROL.md, *Scripts*). */
export interface PersonScript {
  readonly onRing?: 'answer' | 'decline' | 'busy' | 'ignore' | 'manual';
  readonly answerAfterMs?: number;
  readonly keys?: ReadonlyArray<{ readonly afterMs: number; readonly tones: string }>;
  readonly speech?: ReadonlyArray<{
    readonly afterMs: number;
    readonly text?: string;
    readonly durationMs?: number;
  }>;
  readonly hangUpAfterMs?: number;
}

/** A Teams availability, as a person picks it in the client (SPEC.md §7). */
export interface Presence {
  readonly availability: string;
  readonly activity: string;
}

export interface StartOptions {
  /** Port to listen on (default: any free port). */
  readonly port?: number;
  /** A tenant to start with instead of the shipped seed (the shape of `seed/tenant.json`). */
  readonly seed?: object;
  /** Where incoming calls are announced (every seeded app's calling webhook). */
  readonly appWebhook?: string;
  /** More settings (EMULATOR_* variables, README.md). */
  readonly env?: Readonly<Record<string, string>>;
  /** How long to wait for the ready line (default 60 s). */
  readonly timeoutMs?: number;
}

/** A running emulator. Every method talks to its control API; a refusal throws EmulatorControlError. */
export interface Emulator {
  /** https://localhost:<port>: the token endpoint's and Graph's base. */
  readonly url: string;
  /** http://127.0.0.1:<port>: the same port over plain HTTP (softphone, control API). */
  readonly httpUrl: string;
  /** The local CA's certificate (PEM) that an app must trust to call `url`. */
  readonly ca: string;
  readonly caPath: string;
  readonly tenantId: string;
  /** The first seeded app's id and secret. */
  readonly appId: string;
  readonly appSecret: string;
  /** The raw control API, for endpoints without a helper. */
  readonly control: Control;
  readonly people: {
    list(): Promise<
      ReadonlyArray<{ readonly id: string; readonly displayName: string; readonly [k: string]: unknown }>
    >;
    script(person: string, script: PersonScript): Promise<void>;
    presence(person: string, presence: Presence): Promise<void>;
    /** The person calls the app (`to: 'app'`) or a resource account's number; resolves with the call id. */
    call(person: string, to?: string): Promise<string>;
  };
  readonly calls: {
    list(): Promise<
      ReadonlyArray<{ readonly id: string; readonly state: string; readonly [k: string]: unknown }>
    >;
    get(callId: string): Promise<Readonly<Record<string, unknown>>>;
    keys(callId: string, tones: string, personId?: string): Promise<void>;
    say(callId: string, text: string, personId?: string): Promise<void>;
    hangUp(callId: string, personId?: string): Promise<void>;
    answer(callId: string, personId?: string): Promise<void>;
    decline(callId: string, personId?: string): Promise<void>;
  };
  readonly faults: {
    /** The next `count` Graph requests answer `status` (429, 500, 502, 503, 504). */
    graph(status: number, count: number, retryAfterSeconds?: number): Promise<void>;
    notifications(f: {
      drop?: number;
      duplicate?: number;
      reorder?: number;
      endpointDown?: boolean;
    }): Promise<void>;
  };
  readonly clock: {
    /** Moves emulated time forward, firing every timer that falls due. */
    advance(by: { minutes?: number; seconds?: number; ms?: number; hours?: number }): Promise<void>;
  };
  /** Back to the seed: no calls, faults, clock offset or added people. */
  reset(): Promise<void>;
  /** The emulator's stderr so far. */
  stderr(): readonly string[];
  /** Stops the process (SIGTERM, SIGKILL after 5 s) and removes its data folder. */
  stop(): Promise<void>;
}

const enc = encodeURIComponent;
const who = (personId?: string) => (personId ? { personId } : {});

/** Starts an emulator in a fresh data folder and resolves once it accepts requests. */
export async function start(opts: StartOptions = {}): Promise<Emulator> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'switchboard-emulator-'));
  const env: Record<string, string> = {
    EMULATOR_PORT: String(opts.port ?? 0),
    EMULATOR_HOST: '127.0.0.1',
    EMULATOR_DATA_DIR: dataDir,
    ...(opts.appWebhook ? { EMULATOR_APP_WEBHOOK: opts.appWebhook } : {}),
    ...opts.env,
  };
  if (opts.seed) {
    env.EMULATOR_SEED = path.join(dataDir, 'seed.json');
    await writeFile(env.EMULATOR_SEED, JSON.stringify(opts.seed));
  }
  const launched = await launch(env, opts.timeoutMs ?? 60_000).catch(async (err: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  });
  const { child, ready } = launched;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await launched.exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    })());
  try {
    const control = controlClient(ready.httpUrl);
    const ok = <T>(method: string, p: string, body?: unknown) => expectOk<T>(control, method, p, body);
    const tenant = await ok<{ apps: Array<{ appId: string; secrets?: string[] }> }>(
      'GET',
      '/emulator/tenant',
    );
    return {
      url: ready.url,
      httpUrl: ready.httpUrl,
      ca: await readFile(ready.caPath, 'utf8'),
      caPath: ready.caPath,
      tenantId: ready.tenantId,
      appId: ready.appId,
      appSecret: tenant.apps.find((a) => a.appId === ready.appId)?.secrets?.[0] ?? '',
      control,
      people: {
        list: async () =>
          (await ok<{ value: Array<{ id: string; displayName: string }> }>('GET', '/emulator/people')).value,
        script: async (p, script) => void (await ok('PUT', `/emulator/people/${enc(p)}/script`, script)),
        presence: async (p, presence) =>
          void (await ok('PUT', `/emulator/people/${enc(p)}/presence`, presence)),
        call: async (p, to = 'app') =>
          (await ok<{ callId: string }>('POST', `/emulator/people/${enc(p)}/call`, { to })).callId,
      },
      calls: {
        list: async () =>
          (await ok<{ value: Array<{ id: string; state: string }> }>('GET', '/emulator/calls')).value,
        get: (id) => ok<Record<string, unknown>>('GET', `/emulator/calls/${enc(id)}`),
        keys: async (id, tones, personId) =>
          void (await ok('POST', `/emulator/calls/${enc(id)}/keys`, { tones, ...who(personId) })),
        say: async (id, text, personId) =>
          void (await ok('POST', `/emulator/calls/${enc(id)}/say`, { text, ...who(personId) })),
        hangUp: async (id, personId) =>
          void (await ok('POST', `/emulator/calls/${enc(id)}/hangup`, who(personId))),
        answer: async (id, personId) =>
          void (await ok('POST', `/emulator/calls/${enc(id)}/answer`, who(personId))),
        decline: async (id, personId) =>
          void (await ok('POST', `/emulator/calls/${enc(id)}/decline`, who(personId))),
      },
      faults: {
        graph: async (status, count, retryAfterSeconds) =>
          void (await ok('POST', '/emulator/faults', {
            graph: { status, count, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
          })),
        notifications: async (f) => void (await ok('POST', '/emulator/faults', { notifications: f })),
      },
      clock: { advance: async (by) => void (await ok('POST', '/emulator/clock/advance', by)) },
      reset: async () => void (await ok('POST', '/emulator/reset')),
      stderr: () => [...launched.stderr],
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
