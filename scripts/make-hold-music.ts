// Writes the hold music the queues play (assets/prompts/hold-music.wav) from calling/prompts/hold-music.ts,
// then tag it with the other prompts: npx tsx scripts/make-hold-music.ts && npx tsx scripts/tag-prompts.ts
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeWav } from '../calling/flows/tts/wav-pcm';
import { HOLD_MUSIC_RATE, holdMusicSamples } from '../calling/prompts/hold-music';

const file = path.resolve(
  process.argv[2] ?? path.join(__dirname, '..', 'assets', 'prompts', 'hold-music.wav'),
);
writeFile(file, encodeWav(holdMusicSamples(), HOLD_MUSIC_RATE)).then(
  () => process.stdout.write(`wrote ${file}\n`),
  (err: unknown) => {
    process.stderr.write(`make-hold-music: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
