// Did the caller speak, and for how long? Frame energy against an estimated noise floor, with a
// hangover so the gaps between syllables count as speech and short clicks do not.
import { decodeWav, monoFloats } from '../tts';

/** What an analyser says about a short recording. Only the branch it leads to is ever kept. */
export interface SpeechAnalysis {
  readonly spoke: boolean;
  /** Milliseconds of speech found. */
  readonly speechMs: number;
  /** Length of the recording in milliseconds. */
  readonly durationMs: number;
}

/** Analyses a recording held in memory (a WAV); implementations must not keep or write the audio. */
export interface RecordingAnalyser {
  analyse(audio: Buffer): Promise<SpeechAnalysis>;
}

export interface EnergyAnalyserOptions {
  /** Frame length in ms (default 20). */
  readonly frameMs?: number;
  /** How far above the noise floor a frame must be to count as voiced, in dB (default 12). */
  readonly marginDb?: number;
  /** Quietest level that can be speech, in dBFS, whatever the floor (default -50). */
  readonly minSpeechDbfs?: number;
  /** Gaps shorter than this inside speech count as speech (default 300 ms). */
  readonly hangoverMs?: number;
  /** Bursts shorter than this are not speech (default 120 ms). */
  readonly minBurstMs?: number;
  /** Total speech below this is "did not speak" (default 400 ms). */
  readonly minSpeechMs?: number;
  /** The loudest a line's background can be taken for, in dBFS (default -45). */
  readonly maxFloorDbfs?: number;
}

const dbfs = (rms: number) => (rms <= 0 ? -120 : 20 * Math.log10(rms));

/** Per-frame RMS level in dBFS. */
export function frameLevels(samples: Float32Array, sampleRate: number, frameMs: number): number[] {
  const size = Math.max(1, Math.round((sampleRate * frameMs) / 1000));
  const levels: number[] = [];
  for (let start = 0; start + size <= samples.length; start += size) {
    let sum = 0;
    for (let i = start; i < start + size; i++) sum += (samples[i] ?? 0) ** 2;
    levels.push(dbfs(Math.sqrt(sum / size)));
  }
  return levels;
}

/** Marks voiced frames: above floor + margin, gaps bridged, short bursts dropped. */
export function voicedFrames(levels: readonly number[], o: Required<EnergyAnalyserOptions>): boolean[] {
  if (levels.length === 0) return [];
  // The floor is a low percentile: most recordings hold some silence, even when the caller talks a lot.
  const sorted = [...levels].sort((a, b) => a - b);
  // Capped, so a caller who talks from the first to the last frame does not become the floor.
  const floor = Math.min(sorted[Math.floor(sorted.length * 0.1)] ?? -120, o.maxFloorDbfs);
  const threshold = Math.max(floor + o.marginDb, o.minSpeechDbfs);
  const voiced = levels.map((l) => l >= threshold);
  const hang = Math.round(o.hangoverMs / o.frameMs);
  const minBurst = Math.round(o.minBurstMs / o.frameMs);
  // Bridge short gaps between voiced frames.
  let lastVoiced = -Infinity;
  for (let i = 0; i < voiced.length; i++) {
    if (!voiced[i]) continue;
    if (i - lastVoiced - 1 <= hang && lastVoiced >= 0) voiced.fill(true, lastVoiced + 1, i);
    lastVoiced = i;
  }
  // Drop bursts that stay too short to be words.
  for (let i = 0; i < voiced.length;) {
    if (!voiced[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < voiced.length && voiced[j]) j++;
    if (j - i < minBurst) voiced.fill(false, i, j);
    i = j;
  }
  return voiced;
}

/** The default analyser: real signal analysis of a 16-bit PCM WAV. */
export function createEnergyAnalyser(opts: EnergyAnalyserOptions = {}): RecordingAnalyser {
  const o: Required<EnergyAnalyserOptions> = {
    frameMs: opts.frameMs ?? 20,
    marginDb: opts.marginDb ?? 12,
    minSpeechDbfs: opts.minSpeechDbfs ?? -50,
    hangoverMs: opts.hangoverMs ?? 300,
    minBurstMs: opts.minBurstMs ?? 120,
    minSpeechMs: opts.minSpeechMs ?? 400,
    maxFloorDbfs: opts.maxFloorDbfs ?? -45,
  };
  return {
    async analyse(audio) {
      const pcm = decodeWav(audio);
      const samples = monoFloats(pcm);
      const voiced = voicedFrames(frameLevels(samples, pcm.sampleRate, o.frameMs), o);
      const speechMs = voiced.filter(Boolean).length * o.frameMs;
      return {
        spoke: speechMs >= o.minSpeechMs,
        speechMs,
        durationMs: Math.round((samples.length / pcm.sampleRate) * 1000),
      };
    },
  };
}
