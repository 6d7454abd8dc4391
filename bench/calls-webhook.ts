// POST /api/calls through the whole path (token check, tolerant parse, durable inbox, 202, then the call
// model processing every notification) with valid signed notifications, and with forged tokens, each as a
// ratio to a restify hello-world measured in the same run. Target: forged >= 0.9. Valid is reported as a
// figure without a target: durable processing against an empty handler says nothing a caller feels (the
// call storm, bench/call-storm.ts, measures what they do).
// Run: npx tsx bench/calls-webhook.ts [--seconds 3 --rounds 3 --calls 50 --cpu-prof <dir> --no-pin]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { startKeyAuthority } from '../test/helpers/calling-keys';
import { forgedOnce, forgedVaried, notificationStream } from './calls-traffic';
import { interleaved, median, type Target } from './lib';
import { pinCpus, spawnLogged, startRefusingSink } from './processes';

const APP_ID = '0b6e2f4c-0000-4000-8000-00000000b302';
const TENANT_ID = '7c1f0d2a-0000-4000-8000-000000009f11';
const DRAIN_TIMEOUT_MS = 300_000;
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function main(): Promise<void> {
  const seconds = Number(arg('seconds') ?? 3);
  const rounds = Number(arg('rounds') ?? 3);
  const calls = Number(arg('calls') ?? 50);
  const profileDir = arg('cpu-prof');
  const pinning = pinCpus(process.argv.includes('--no-pin'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  const dbPath = path.join(dir, 'bench.db');
  const keys = await startKeyAuthority({ appId: APP_ID, tenantId: TENANT_ID });
  // Graph and Entra point at a loopback port that cuts every connection: nothing can leave the machine.
  const sink = await startRefusingSink();
  const app = spawnLogged(
    'server/main.ts',
    {
      SWITCHBOARD_MODE: 'teams',
      PORT: '0',
      LOG_LEVEL: 'info',
      SQLITE_PATH: dbPath,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'bench-secret-not-used',
      MicrosoftAppTenantId: TENANT_ID,
      PUBLIC_URL: 'https://switchboard.bench.invalid',
      GRAPH_BASE_URL: `${sink.url}/v1.0`,
      ENTRA_AUTHORITY_HOST: sink.url,
      CALLING_OPENID_CONFIG_URL: keys.openIdConfigUrl,
    },
    path.join(dir, 'app.log'),
    profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : [],
    pinning?.serverCpu,
  );
  const hello = spawnLogged(
    'bench/hello-restify.ts',
    {},
    path.join(dir, 'hello.log'),
    profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : [],
    pinning?.serverCpu,
  );
  if (profileDir)
    process.stdout.write(`profiles: app pid ${app.child.pid}, hello-world pid ${hello.child.pid}\n`);
  let inbox: Database.Database | undefined;
  try {
    const appUrl = String((await app.waitForLine((l) => l.includes('switchboard listening')))['url']);
    const helloPort = Number((await hello.waitForLine((l) => l.includes('"ready"')))['port']);
    const ready = await fetch(`${appUrl}/readyz`); // loads the calling keys once
    if (!ready.ok) throw new Error(`the app is not ready: ${ready.status} ${await ready.text()}`);
    if (app.lines().some((l) => l.includes('calling is off'))) {
      // The call model must be on, or "valid" would measure the kv inbox only.
      throw new Error('the call model is off in the app; valid notifications would not be processed');
    }
    inbox = new Database(dbPath, { readonly: true, fileMustExist: true });
    const pending = inbox.prepare('select count(*) as n from call_inbox where processed_at is null');
    const processed = inbox.prepare('select count(*) as n from call_inbox where processed_at is not null');
    const drained = async (): Promise<number> => {
      const started = Date.now();
      while ((pending.get() as { n: number }).n > 0) {
        if (Date.now() - started > DRAIN_TIMEOUT_MS) throw new Error('the inbox did not drain within 5 min');
        await sleep(100);
      }
      return Date.now() - started;
    };

    const good = keys.sign(keys.claims());
    const nextBody = notificationStream(calls);
    const nextForged = forgedVaried(good);
    const headers = (auth?: string) => ({
      'content-type': 'application/json',
      ...(auth ? { authorization: auth } : {}),
    });
    const sampleBody = nextBody();
    const common = { connections: 10, method: 'POST' as const, body: sampleBody };
    const apiCalls = `${appUrl}/api/calls`;
    const targets: Target[] = [
      {
        name: 'restify hello-world',
        pid: hello.child.pid,
        options: { ...common, url: `http://127.0.0.1:${helloPort}/hello`, headers: headers() },
      },
      {
        name: 'valid signed notification',
        pid: app.child.pid,
        options: {
          ...common,
          url: apiCalls,
          headers: headers(`Bearer ${good}`),
          requests: [{ setupRequest: (req) => ({ ...req, body: nextBody() }) }],
        },
        settle: drained,
      },
      {
        name: 'forged token (repeated)',
        pid: app.child.pid,
        options: { ...common, url: apiCalls, headers: headers(`Bearer ${forgedOnce(good)}`) },
      },
      {
        name: 'forged token (varied)',
        pid: app.child.pid,
        options: {
          ...common,
          url: apiCalls,
          requests: [
            {
              setupRequest: (req) => ({
                ...req,
                headers: { ...req.headers, authorization: `Bearer ${nextForged()}` },
              }),
            },
          ],
        },
      },
    ];
    // --only <regex>: the control plus the targets whose name matches (for profiling some paths).
    const only = arg('only');
    const chosen = only ? targets.filter((t, i) => i === 0 || new RegExp(only).test(t.name)) : targets;
    // The app's own start-up may reach for Graph (the call-records subscription); what the notifications
    // cause is counted from here on.
    const connectionsBefore = sink.connections();
    const measured = await interleaved(chosen, rounds, seconds);
    const control = measured[0]!.median;
    const ratio = (x: number) => Number((x / control).toFixed(3));
    // CPU per request, as a ratio the same way round: the control's cost over the target's.
    const controlCpu = median(measured[0]!.cpuUsPerRequest);
    const cpuRatio = (m: (typeof measured)[number]) =>
      Number((controlCpu / median(m.cpuUsPerRequest)).toFixed(3));
    const found = (prefix: string) => measured.find((m) => m.name.startsWith(prefix));
    const valid = found('valid');
    // Whole path: notifications accepted in a round over the time until the call model had processed them.
    const endToEnd = valid && median(valid.ok.map((ok, i) => ok / (seconds + valid.settleMs[i]! / 1000)));
    const report = {
      bench: 'calls-webhook',
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      pinning: pinning ?? 'none',
      seconds,
      rounds,
      calls,
      results: measured.map((m) => ({
        ...m,
        ratio: ratio(m.median),
        cpuUsPerRequestMedian: Math.round(median(m.cpuUsPerRequest)),
        cpuRatio: cpuRatio(m),
      })),
      validProcessed: valid && {
        rows: (processed.get() as { n: number }).n,
        drainMs: valid.settleMs,
        endToEndPerSec: Math.round(endToEnd ?? 0),
        ratio: ratio(endToEnd ?? 0),
      },
      graphConnectionAttempts: {
        atStartUp: connectionsBefore,
        duringRounds: sink.connections() - connectionsBefore,
      },
      targets: { forged: 0.9 },
    };
    const line = (name: string, rps: number, extra: string) =>
      process.stdout.write(
        `${name.padEnd(30)} ${rps.toFixed(0).padStart(7)} req/s   ratio ${ratio(rps).toFixed(2)}   ${extra}\n`,
      );
    for (const m of measured) {
      const cpu = median(m.cpuUsPerRequest);
      line(
        m.name,
        m.median,
        `cpu ${cpu.toFixed(0).padStart(5)} us/req (ratio ${cpuRatio(m).toFixed(2)})   non-2xx ${m.non2xx}  errors ${m.errors}`,
      );
    }
    if (valid && endToEnd !== undefined) {
      const drains = valid.settleMs.map((ms) => (ms / 1000).toFixed(1)).join('/');
      line('valid, processed end-to-end', endToEnd, `drain after each round ${drains} s`);
    }
    const r = (prefix: string) => {
      const m = found(prefix);
      return m ? ratio(m.median).toFixed(2) : 'n/a';
    };
    process.stdout.write(
      `valid ${r('valid')} (a figure, no target; processed end-to-end ${endToEnd ? ratio(endToEnd).toFixed(2) : 'n/a'}), ` +
        `forged ${r('forged token (repeated)')} (target >= 0.9; varied ${r('forged token (varied)')}), ` +
        `Graph connection attempts during the rounds ${report.graphConnectionAttempts.duringRounds} ` +
        `(at start-up ${report.graphConnectionAttempts.atStartUp})\n`,
    );
    if (!only) {
      writeFileSync(
        path.join(__dirname, 'results', 'calls-webhook.json'),
        `${JSON.stringify(report, null, 2)}\n`,
      );
    }
  } finally {
    inbox?.close();
    await Promise.all([app.stop(), hello.stop()]);
    await keys.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
