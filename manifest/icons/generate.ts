// Writes the committed icons (manifest/appPackage/color.png and outline.png) from draw.ts.
// Run after changing the drawing: npx tsx manifest/icons/generate.ts
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng } from './png';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE, drawColorIcon, drawOutlineIcon } from './draw';

const dir = path.join(__dirname, '..', 'appPackage');
writeFileSync(path.join(dir, 'color.png'), encodePng(COLOR_ICON_SIZE, COLOR_ICON_SIZE, drawColorIcon()));
writeFileSync(
  path.join(dir, 'outline.png'),
  encodePng(OUTLINE_ICON_SIZE, OUTLINE_ICON_SIZE, drawOutlineIcon()),
);
process.stdout.write(`wrote ${dir}/color.png and outline.png\n`);
