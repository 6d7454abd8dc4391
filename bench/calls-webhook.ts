// POST /api/calls through the whole path (token check, tolerant parse, durable inbox, 202) with valid
// signed notifications, and with forged tokens, each as a ratio to a restify hello-world measured in the
// same run. Targets: valid >= 0.6, forged >= 0.9.   Run: npx tsx bench/calls-webhook.ts [--seconds 3 --rounds 3]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startKeyAuthority } from '../test/helpers/calling-keys';
import { spawnTs } from '../test/helpers/process';
import { interleaved, type Target } from './lib';

const APP_ID = '0b6e2f4c-0000-4000-8000-00000000b302';
const TENANT_ID = '7c1f0d2a-0000-4000-8000-000000009f11';
const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

async function main(): Promise<void> {
  const seconds = arg('seconds', 3);
  const rounds = arg('rounds', 3);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
  const keys = await startKeyAuthority({ appId: APP_ID, tenantId: TENANT_ID });
  const app = spawnTs('server/main.ts', {
    SWITCHBOARD_MODE: 'local',
    PORT: '0',
    LOG_LEVEL: 'info',
    SQLITE_PATH: path.join(dir, 'bench.db'),
    MicrosoftAppId: APP_ID,
    MicrosoftAppTenantId: TENANT_ID,
    CALLING_OPENID_CONFIG_URL: keys.openIdConfigUrl,
  });
  const hello = spawnTs('bench/hello-restify.ts', {});
  try {
    const listening = await app.waitForLine((l) => l.includes('switchboard listening'));
    const appUrl = (JSON.parse(listening) as { url: string }).url;
    const helloPort = (JSON.parse(await hello.waitForLine((l) => l.includes('"ready"'))) as { port: number })
      .port;
    await fetch(`${appUrl}/readyz`); // loads the calling keys once

    const notification = readFileSync(
      path.resolve(__dirname, '../../shared/graph/payloads/established.json'),
      'utf8',
    );
    const valid = `Bearer ${keys.sign(keys.claims())}`;
    const good = keys.sign(keys.claims());
    const forged = `Bearer ${good.slice(0, -6)}${good.slice(-6).split('').reverse().join('')}`;
    const headers = (auth?: string) => ({
      'content-type': 'application/json',
      ...(auth ? { authorization: auth } : {}),
    });
    const common = { connections: 10, method: 'POST' as const, body: notification };
    const targets: Target[] = [
      {
        name: 'restify hello-world',
        options: { ...common, url: `http://127.0.0.1:${helloPort}/hello`, headers: headers() },
      },
      {
        name: 'valid signed notification',
        options: { ...common, url: `${appUrl}/api/calls`, headers: headers(valid) },
      },
      { name: 'forged token', options: { ...common, url: `${appUrl}/api/calls`, headers: headers(forged) } },
    ];
    const measured = await interleaved(targets, rounds, seconds);
    const control = measured[0]!.median;
    const report = {
      bench: 'calls-webhook',
      date: new Date().toISOString(),
      node: process.version,
      seconds,
      rounds,
      results: measured.map((m) => ({ ...m, ratio: Number((m.median / control).toFixed(3)) })),
      targets: { valid: 0.6, forged: 0.9 },
    };
    for (const r of report.results) {
      process.stdout.write(
        `${r.name.padEnd(28)} ${r.median.toFixed(0).padStart(7)} req/s   ratio ${r.ratio.toFixed(2)}   non-2xx ${r.non2xx}  errors ${r.errors}\n`,
      );
    }
    const [, v, f] = report.results;
    process.stdout.write(
      `valid ${v!.ratio.toFixed(2)} (target >= 0.6), forged ${f!.ratio.toFixed(2)} (target >= 0.9)\n`,
    );
    writeFileSync(
      path.join(__dirname, 'results', 'calls-webhook.json'),
      `${JSON.stringify(report, null, 2)}\n`,
    );
  } finally {
    app.child.kill('SIGTERM');
    hello.child.kill('SIGTERM');
    await Promise.all([app.exited(), hello.exited()]);
    await keys.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
