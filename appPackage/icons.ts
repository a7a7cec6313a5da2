// Draws the two Teams app icons and writes them next to the manifest:
//   node --import tsx appPackage/icons.ts
// The mark is a "line of sight": a small dot (your task) with a line running to the centre of a
// target (the strategy and the vision it serves). The PNGs are committed; rerun after changing this.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { encodePng, type RgbaImage } from './png.js';

/** Same value as the manifest's accentColor: the colour icon's background. */
export const ACCENT_COLOR = '#2457A6';

type Point = { x: number; y: number };

// Geometry in a unit box; renderMark scales it into the icon.
const ORIGIN: Point = { x: 0.14, y: 0.86 };
const ORIGIN_RADIUS = 0.12;
const TARGET: Point = { x: 0.62, y: 0.38 };
const RING_OUTER = 0.36;
const RING_WIDTH = 0.11;
const BULLSEYE_RADIUS = 0.12;
const SIGHT_LINE_WIDTH = 0.1;

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

function distanceToSegment(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return distance(p, { x: a.x + t * dx, y: a.y + t * dy });
}

// The sight line stops at the target's outer edge so the ring reads as a clean circle.
const toTarget = distance(ORIGIN, TARGET);
const LINE_END: Point = {
  x: ORIGIN.x + ((TARGET.x - ORIGIN.x) * (toTarget - RING_OUTER)) / toTarget,
  y: ORIGIN.y + ((TARGET.y - ORIGIN.y) * (toTarget - RING_OUTER)) / toTarget,
};

function insideMark(p: Point): boolean {
  const fromTarget = distance(p, TARGET);
  return (
    distance(p, ORIGIN) <= ORIGIN_RADIUS ||
    (fromTarget <= RING_OUTER && fromTarget >= RING_OUTER - RING_WIDTH) ||
    fromTarget <= BULLSEYE_RADIUS ||
    distanceToSegment(p, ORIGIN, LINE_END) <= SIGHT_LINE_WIDTH / 2
  );
}

/** Coverage (0..1) of the mark over each pixel, 4x4 supersampled for smooth edges. */
export function renderMark(size: number, padding: number): Float32Array {
  const box = size - 2 * padding;
  const coverage = new Float32Array(size * size);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = (x + (sx + 0.5) / samples - padding) / box;
          const py = (y + (sy + 0.5) / samples - padding) / box;
          if (insideMark({ x: px, y: py })) hits++;
        }
      }
      coverage[y * size + x] = hits / (samples * samples);
    }
  }
  return coverage;
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** 192x192, white mark on the accent colour; the mark sits in the central 96x96 as Teams asks. */
export function renderColorIcon(): RgbaImage {
  const size = 192;
  const coverage = renderMark(size, 48);
  const [r, g, b] = hexToRgb(ACCENT_COLOR);
  const pixels = new Uint8Array(size * size * 4);
  coverage.forEach((c, i) => {
    pixels[i * 4] = Math.round(r + (255 - r) * c);
    pixels[i * 4 + 1] = Math.round(g + (255 - g) * c);
    pixels[i * 4 + 2] = Math.round(b + (255 - b) * c);
    pixels[i * 4 + 3] = 255;
  });
  return { width: size, height: size, pixels };
}

/** 32x32, white mark on a transparent background: Teams tints it for the app bar. */
export function renderOutlineIcon(): RgbaImage {
  const size = 32;
  const coverage = renderMark(size, 2);
  const pixels = new Uint8Array(size * size * 4);
  coverage.forEach((c, i) => {
    const alpha = Math.round(c * 255);
    // Fully transparent pixels stay 0,0,0,0; every visible pixel is pure white.
    if (alpha > 0) pixels.set([255, 255, 255, alpha], i * 4);
  });
  return { width: size, height: size, pixels };
}

export function writeIcons(dir: string): void {
  writeFileSync(join(dir, 'color.png'), encodePng(renderColorIcon()));
  writeFileSync(join(dir, 'outline.png'), encodePng(renderOutlineIcon()));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeIcons(dir);
  console.log(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
}
