// Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went: the functions with the most
// self time, and the same time summed per file, so a benchmark's hot spots can be named without a GUI.
// Run: npx tsx bench/profile-top.ts <file.cpuprofile> [--top 30]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: number[];
}
// Start-up (module loading, the TypeScript loader) is not what a benchmark measures; idle is not work.
const STARTUP = /^node:internal\/modules\/|\/tsx\/dist\/|\/esbuild\//;
interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

function shortUrl(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length);
  const main = url.indexOf('/main/');
  return main >= 0 ? url.slice(main + '/main/'.length) : url || '(native)';
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-top <file.cpuprofile> [--top N]');
  const i = process.argv.indexOf('--top');
  const top = i > 0 ? Number(process.argv[i + 1]) : 30;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const startup = new Map<number, boolean>();
  const isStartup = (id: number): boolean => {
    const known = startup.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const value = STARTUP.test(byId.get(id)!.callFrame.url) || (up !== undefined && isStartup(up));
    startup.set(id, value);
    return value;
  };
  const selfUs = new Map<number, number>();
  let idleUs = 0;
  let startupUs = 0;
  profile.samples.forEach((id, k) => {
    const us = profile.timeDeltas[k] ?? 0;
    if (byId.get(id)!.callFrame.functionName === '(idle)') idleUs += us;
    else if (isStartup(id)) startupUs += us;
    else selfUs.set(id, (selfUs.get(id) ?? 0) + us);
  });
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);

  // Time spent in libraries and natives, charged to the nearest function of this project that called them.
  const own = (url: string) => url.includes('/main/') && !url.includes('node_modules/');
  const nearestOwn = new Map<number, string>();
  const ownerOf = (id: number): string => {
    const known = nearestOwn.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)!.callFrame;
    const up = parent.get(id);
    const value = own(frame.url)
      ? `${frame.functionName || '(anonymous)'}  ${shortUrl(frame.url)}:${frame.lineNumber + 1}`
      : up !== undefined
        ? ownerOf(up)
        : '(outside the project)';
    nearestOwn.set(id, value);
    return value;
  };
  const perOwner = new Map<string, number>();
  for (const [id, us] of selfUs) perOwner.set(ownerOf(id), (perOwner.get(ownerOf(id)) ?? 0) + us);

  const perFunction = new Map<string, number>();
  const perFile = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const where = shortUrl(frame.url);
    const fn = `${frame.functionName || '(anonymous)'}  ${where}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    perFunction.set(fn, (perFunction.get(fn) ?? 0) + us);
    const pkg = where
      .split('/')
      .slice(0, where.startsWith('@') ? 2 : 1)
      .join('/');
    const group = frame.url.includes('node_modules/') ? pkg : where;
    perFile.set(group, (perFile.get(group) ?? 0) + us);
  }
  const print = (title: string, m: Map<string, number>) => {
    process.stdout.write(`\n${title}\n`);
    for (const [name, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      process.stdout.write(
        `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}\n`,
      );
    }
  };
  const ms = (us: number) => `${(us / 1000).toFixed(0)} ms`;
  process.stdout.write(
    `busy ${ms(total)} (shares below are of this); idle ${ms(idleUs)}, start-up ${ms(startupUs)} left out\n`,
  );
  print('self time by function', perFunction);
  print('self time by file or package', perFile);
  print('time by the nearest project function on the stack', perOwner);
}

main();
