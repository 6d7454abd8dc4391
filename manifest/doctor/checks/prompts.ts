// Check 7: every prompt WAV in PROMPTS_DIR is a format Graph's service-hosted media plays (16 kHz, mono,
// 16-bit PCM), and the prompts are served at PUBLIC_URL/prompts/ where Graph fetches them.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describeNetworkError } from '../http';
import { promptFormatProblems, readWavFormat } from '../wav';
import type { DoctorCheck, Finding } from '../types';

const CONVERT = 'Convert with e.g. `ffmpeg -i in.wav -ar 16000 -ac 1 -c:a pcm_s16le out.wav`.';

export const promptsCheck: DoctorCheck = {
  id: 'prompts',
  title: 'Prompt WAV files',
  async run(ctx): Promise<Finding> {
    const dirSetting = ctx.config?.PROMPTS_DIR ?? ctx.env.PROMPTS_DIR ?? './assets/prompts';
    const dir = path.resolve(ctx.cwd, dirSetting);
    let names: string[];
    try {
      names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.wav')).sort();
    } catch (err) {
      return {
        status: 'fail',
        summary: `PROMPTS_DIR ${dir} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
        fix: 'Set PROMPTS_DIR to the folder holding the prompt WAV files.',
      };
    }
    if (names.length === 0)
      return {
        status: 'warn',
        summary: `no .wav files in ${dir}: voice menus will have nothing to play`,
        fix: 'Add the prompts (16 kHz, mono, 16-bit PCM WAV).',
      };
    const bad: string[] = [];
    for (const name of names) {
      try {
        const problems = promptFormatProblems(readWavFormat(await readFile(path.join(dir, name))));
        if (problems.length) bad.push(`${name}: ${problems.join('; ')}`);
      } catch (err) {
        bad.push(`${name}: ${(err as Error).message}`);
      }
    }
    if (bad.length)
      return {
        status: 'fail',
        summary: `${bad.length} of ${names.length} prompts cannot be played by Graph`,
        details: bad,
        fix: `Prompts must be 16 kHz, mono, 16-bit PCM WAV. ${CONVERT}`,
      };
    const base = ctx.config?.publicUrl;
    if (base?.startsWith('https://')) {
      const url = `${base}/prompts/${encodeURIComponent(names[0] ?? '')}`;
      try {
        const a = await ctx.http(url);
        if (a.status !== 200)
          return {
            status: 'fail',
            summary: `${url} answered ${a.status}: Graph fetches prompts from there and could not play them`,
            fix: 'Make sure the app serves PROMPTS_DIR (it does at /prompts/) and the proxy forwards /prompts/.',
          };
      } catch (err) {
        const { what } = describeNetworkError(err);
        return {
          status: 'fail',
          summary: `could not fetch ${url}: ${what}`,
          fix: 'See the PUBLIC_URL check above.',
        };
      }
    }
    return {
      status: 'ok',
      summary: `${names.length} prompts in ${dir}, all 16 kHz mono 16-bit PCM${base?.startsWith('https://') ? ', served at PUBLIC_URL/prompts/' : ''}`,
    };
  },
};
