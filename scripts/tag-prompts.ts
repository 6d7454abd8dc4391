// Writes what each shipped prompt says into its WAV (RIFF INFO: INAM the prompt's name, ICMT its words),
// taking the words from the table in the folder's README.md, so the table and the files never disagree.
// Run after adding or re-recording a prompt: npx tsx scripts/tag-prompts.ts [folder]  (default assets/prompts)
import { readFile, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readWavTags, withWavTags } from '../calling/prompts';

const ROW = /^\|\s*`([^`]+\.wav)`\s*\|\s*(.+?)\s*\|\s*$/;

/** File name → what it says, from the README's `| \`name.wav\` | "words" |` rows (quotes dropped). */
export function promptTexts(readme: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const line of readme.split('\n')) {
    const m = ROW.exec(line.trim());
    if (m?.[1] && m[2]) texts.set(m[1], m[2].replace(/^"(.*)"$/, '$1'));
  }
  return texts;
}

/** Tags every .wav in `dir` from the table; returns the files it changed. Throws for a file with no row. */
export async function tagPrompts(dir: string, readme: string): Promise<string[]> {
  const texts = promptTexts(readme);
  const files = (await readdir(dir)).filter((f) => f.toLowerCase().endsWith('.wav')).sort();
  const missing = files.filter((f) => !texts.has(f));
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} has no row in the README's table; add one saying what it says`);
  }
  const changed: string[] = [];
  for (const file of files) {
    const full = path.join(dir, file);
    const wav = await readFile(full);
    const tags = { INAM: file.replace(/\.wav$/i, ''), ICMT: texts.get(file) ?? '' };
    const now = readWavTags(wav);
    if (now.INAM === tags.INAM && now.ICMT === tags.ICMT && Object.keys(now).length === 2) continue;
    // Write then rename, so an interrupted run never leaves half a prompt behind.
    await writeFile(`${full}.tmp`, withWavTags(wav, tags));
    await rename(`${full}.tmp`, full);
    changed.push(file);
  }
  return changed;
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'assets', 'prompts'));
  readFile(path.join(dir, 'README.md'), 'utf8')
    .then((readme) => tagPrompts(dir, readme))
    .then((changed) => {
      process.stdout.write(
        changed.length > 0 ? `tagged ${changed.join(', ')}\n` : 'every prompt already tagged\n',
      );
    })
    .catch((err: unknown) => {
      process.stderr.write(`tag-prompts: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
