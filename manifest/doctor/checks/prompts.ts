// Check 7: the prompt WAVs pass the calling module's own prompt check (the one the app runs at startup:
// 16 kHz, mono, 16-bit PCM), and they are served at PUBLIC_URL/prompts/ where Graph fetches them.
import path from 'node:path';
import { PromptCheckError, checkPrompts } from '../../../calling';
import { describeNetworkError } from '../http';
import type { DoctorCheck, Finding } from '../types';

export const promptsCheck: DoctorCheck = {
  id: 'prompts',
  title: 'Prompt WAV files',
  modes: ['teams', 'local'],
  async run(ctx): Promise<Finding> {
    const dir = path.resolve(ctx.cwd, ctx.config?.PROMPTS_DIR ?? ctx.env.PROMPTS_DIR ?? './assets/prompts');
    let names: string[];
    try {
      names = await checkPrompts(dir);
    } catch (err) {
      if (!(err instanceof PromptCheckError)) throw err;
      // The message says which file, what is wrong with it and how to convert it.
      return {
        status: 'fail',
        summary: err.message,
        fix: err.file
          ? 'Replace that file (the check stops at the first bad one; run the doctor again after fixing it).'
          : 'Set PROMPTS_DIR to the folder holding the prompt WAV files.',
      };
    }
    const base = ctx.config?.publicUrl;
    if (base?.startsWith('https://')) {
      const url = `${base}/prompts/${encodeURIComponent(names[0] ?? '')}.wav`;
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
