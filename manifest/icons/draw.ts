// The app's icons, drawn in code: a 2x2 panel of jacks with a patch cord joining two of them (a
// switchboard). Shapes are signed-distance functions sampled 4x4 per pixel for smooth edges.

/** Teams' sizes: the colour icon is 192x192, the outline icon 32x32. */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
/** The colour icon's background, also the manifest's accentColor. */
export const ACCENT_COLOR = '#4B53BC';

type Shape = (x: number, y: number) => number;

const ring =
  (cx: number, cy: number, r: number, w: number): Shape =>
  (x, y) =>
    Math.abs(Math.hypot(x - cx, y - cy) - r) - w / 2;

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    Math.hypot(x - cx, y - cy) - r;

function segment(ax: number, ay: number, bx: number, by: number, w: number): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - w / 2;
  };
}

/** The motif in unit coordinates; `stroke` is the line width (thicker for the small outline icon). */
function motif(stroke: number): Shape {
  const r = 0.14;
  const lo = 0.31;
  const hi = 0.69;
  const k = r / Math.SQRT2;
  const parts: Shape[] = [
    ring(lo, lo, r, stroke),
    ring(hi, lo, r, stroke),
    ring(lo, hi, r, stroke),
    ring(hi, hi, r, stroke),
    disc(lo, lo, r * 0.45),
    disc(hi, hi, r * 0.45),
    segment(lo + k, lo + k, hi - k, hi - k, stroke),
  ];
  return (x, y) => Math.min(...parts.map((p) => p(x, y)));
}

/** Fraction of the pixel (px, py) covered by `shape` at `size` pixels per unit. */
function coverage(shape: Shape, px: number, py: number, size: number): number {
  const n = 4;
  let hit = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++)
      if (shape((px + (i + 0.5) / n) / size, (py + (j + 0.5) / n) / size) <= 0) hit++;
  return hit / (n * n);
}

function hexToRgb(hex: string): [number, number, number] {
  const v = Number.parseInt(hex.slice(1), 16);
  return [(v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff];
}

/** RGBA pixels of the 192x192 colour icon: white motif on an opaque accent-colour square. */
export function drawColorIcon(size = COLOR_ICON_SIZE): Uint8Array {
  const [br, bg, bb] = hexToRgb(ACCENT_COLOR);
  const shape = motif(0.06);
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const c = coverage(shape, x, y, size);
      const o = (y * size + x) * 4;
      out[o] = Math.round(br + (255 - br) * c);
      out[o + 1] = Math.round(bg + (255 - bg) * c);
      out[o + 2] = Math.round(bb + (255 - bb) * c);
      out[o + 3] = 255;
    }
  return out;
}

/** RGBA pixels of the 32x32 outline icon: the motif in white on a transparent background. */
export function drawOutlineIcon(size = OUTLINE_ICON_SIZE): Uint8Array {
  const shape = motif(0.085);
  const out = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const o = (y * size + x) * 4;
      out[o] = out[o + 1] = out[o + 2] = 255;
      out[o + 3] = Math.round(255 * coverage(shape, x, y, size));
    }
  return out;
}
