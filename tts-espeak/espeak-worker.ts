// eSpeak NG runs in a worker thread. Each synthesis instantiates the WebAssembly engine, speaks, and
// resamples the result: a third to half a second of CPU that would otherwise be taken from every request
// and notification the main thread serves meanwhile. The worker's body is espeak-thread.ts.
import path from 'node:path';
import { Worker } from 'node:worker_threads';

// Compiled, the worker is the .js beside this file. Run from the TypeScript sources (development, tests),
// it is the .ts, and the worker needs the TypeScript loader too: the process may have loaded it in code
// (mocha's require) rather than by a flag a worker would inherit. tsx's require hook alone loads the
// thread; its --import loader (how `tsx` and the benchmarks start) makes Node 20 load a worker's .ts entry
// as an ES module of unknown type, so it is left out.
const FROM_SOURCES = path.extname(__filename) === '.ts';
const THREAD_FILE = path.join(__dirname, `espeak-thread${FROM_SOURCES ? '.ts' : '.js'}`);
const THREAD_ARGS = FROM_SOURCES
  ? [...withoutTsxImport(process.execArgv), '--require', 'tsx/cjs']
  : process.execArgv;

/** `args` without tsx's `--import` loader and the preflight `--require` that comes with it. */
function withoutTsxImport(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1] ?? '';
    if ((args[i] === '--import' || args[i] === '--require') && /[/\\]tsx[/\\]|^tsx(\/|$)/.test(next)) i++;
    else out.push(args[i] as string);
  }
  return out;
}

/** What one run gave: the WAV Graph can play, or what the engine printed to stderr instead. */
export type EngineResult = { readonly wav: Uint8Array } | { readonly errors: readonly string[] };

export interface EspeakEngine {
  /** Runs the espeak-ng command line with `args` (which must write /out.wav), resampled to 16 kHz. */
  run(args: readonly string[]): Promise<EngineResult>;
  /** Ends the worker (a later run starts a new one). */
  close(): Promise<void>;
}

interface Reply {
  readonly id: number;
  readonly wav?: Uint8Array;
  readonly errors?: string[];
  readonly failure?: string;
}

/** The engine in a worker started on first use; the worker keeps the process alive only while busy. */
export function createEspeakEngine(): EspeakEngine {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: EngineResult) => void; reject: (e: Error) => void }>();

  function failAll(err: Error): void {
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  }

  function start(): Worker {
    const w = new Worker(THREAD_FILE, { execArgv: THREAD_ARGS });
    w.unref();
    w.on('message', (m: Reply) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (pending.size === 0) w.unref();
      if (m.failure !== undefined) p.reject(new Error(m.failure));
      else if (m.wav) p.resolve({ wav: m.wav });
      else p.resolve({ errors: m.errors ?? [] });
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => {
      if (worker === w) worker = undefined;
      failAll(new Error(`the speech worker stopped (exit code ${code})`));
    });
    return w;
  }

  return {
    run(args) {
      worker ??= start();
      const w = worker;
      const id = nextId++;
      return new Promise<EngineResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.ref();
        w.postMessage({ id, args: [...args] });
      });
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
