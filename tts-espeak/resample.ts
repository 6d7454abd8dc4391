// Sample-rate conversion by windowed-sinc interpolation: eSpeak NG speaks at 22.05 kHz, Graph plays
// 16 kHz, and dropping samples without a low-pass would fold the top of the voice back as hiss. The
// calling package resamples recordings with the same code; this copy keeps the package standalone.

const HALF_TAPS = 16;

function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/** Converts mono float samples from one rate to another, low-passed below the lower Nyquist. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input.slice();
  const ratio = fromRate / toRate;
  // Cut off a little under the lower Nyquist frequency so the filter's transition band stays inside it.
  const cutoff = Math.min(1, toRate / fromRate) * 0.95;
  const reach = Math.ceil(HALF_TAPS / cutoff);
  const length = Math.floor((input.length * toRate) / fromRate);
  const out = new Float32Array(length);
  for (let n = 0; n < length; n++) {
    const t = n * ratio;
    const centre = Math.floor(t);
    let acc = 0;
    let norm = 0;
    for (let k = centre - reach + 1; k <= centre + reach; k++) {
      if (k < 0 || k >= input.length) continue;
      const d = t - k;
      // Blackman window over the filter's reach.
      const w = 0.42 + 0.5 * Math.cos((Math.PI * d) / reach) + 0.08 * Math.cos((2 * Math.PI * d) / reach);
      if (w <= 0) continue;
      const h = cutoff * sinc(cutoff * d) * w;
      acc += (input[k] ?? 0) * h;
      norm += h;
    }
    // Normalising by the tap sum keeps unity gain at the edges, where taps fall outside the input.
    out[n] = norm === 0 ? 0 : acc / norm;
  }
  return out;
}

/** Scales samples so the loudest one sits at `peak` (linear, e.g. 0.7 for about -3 dBFS). */
export function normalise(samples: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (const s of samples) max = Math.max(max, Math.abs(s));
  if (max === 0) return samples;
  const gain = peak / max;
  return samples.map((s) => s * gain);
}
