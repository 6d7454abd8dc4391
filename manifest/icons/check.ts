// Checks the two icons the way Teams expects them: PNG, exact sizes, and an outline icon that is white
// on a transparent background.
import { PngError, decodePng } from './png';
import type { Problem } from '../problems';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './draw';

// Anti-aliased edges keep their colour and fade only in alpha, so "white" allows a little slack.
const WHITE_ENOUGH = 230;

/** Problems with the colour icon (`icons.color`): must be a 192x192 PNG. */
export function checkColorIcon(file: Buffer, field = 'icons.color'): Problem[] {
  try {
    const img = decodePng(file);
    if (img.width !== COLOR_ICON_SIZE || img.height !== COLOR_ICON_SIZE)
      return [
        {
          field,
          message: `is ${img.width}x${img.height}; Teams needs the colour icon to be ${COLOR_ICON_SIZE}x${COLOR_ICON_SIZE} pixels`,
        },
      ];
    return [];
  } catch (err) {
    return [pngProblem(field, err)];
  }
}

/** Problems with the outline icon (`icons.outline`): a 32x32 PNG, white on transparent. */
export function checkOutlineIcon(file: Buffer, field = 'icons.outline'): Problem[] {
  try {
    const img = decodePng(file);
    if (img.width !== OUTLINE_ICON_SIZE || img.height !== OUTLINE_ICON_SIZE)
      return [
        {
          field,
          message: `is ${img.width}x${img.height}; Teams needs the outline icon to be ${OUTLINE_ICON_SIZE}x${OUTLINE_ICON_SIZE} pixels`,
        },
      ];
    let transparent = 0;
    let coloured = 0;
    for (let i = 0; i < img.rgba.length; i += 4) {
      const a = img.rgba[i + 3] ?? 0;
      if (a === 0) transparent++;
      else if (Math.min(img.rgba[i] ?? 0, img.rgba[i + 1] ?? 0, img.rgba[i + 2] ?? 0) < WHITE_ENOUGH)
        coloured++;
    }
    const problems: Problem[] = [];
    if (transparent === 0)
      problems.push({
        field,
        message: 'has no transparent pixels; the outline icon needs a transparent background',
      });
    if (coloured > 0)
      problems.push({
        field,
        message: `has ${coloured} visible pixels that are not white; the outline icon must be white on transparent`,
      });
    return problems;
  } catch (err) {
    return [pngProblem(field, err)];
  }
}

function pngProblem(field: string, err: unknown): Problem {
  if (err instanceof PngError) return { field, message: err.message };
  throw err;
}
