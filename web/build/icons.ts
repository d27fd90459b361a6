import type { Plugin } from 'vite';
import { encodePng } from './png.ts';

// The app icon, drawn here rather than copied: two overlapping rings ("함께", together) on KRDS primary blue.
// Full-bleed square so it also works as a maskable icon (the rings stay inside the safe zone).
const BLUE = [0x0b, 0x50, 0xd0];
const WHITE = [0xff, 0xff, 0xff];

export function drawIcon(size: number): Buffer {
  const px = new Uint8Array(size * size * 4);
  const samples = 4; // supersampling for smooth edges
  const rings = [
    { cx: 0.4, cy: 0.5 },
    { cx: 0.6, cy: 0.5 },
  ];
  const radius = 0.19;
  const half = 0.035; // half the ring's stroke width
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size;
          const v = (y + (sy + 0.5) / samples) / size;
          if (rings.some((r) => Math.abs(Math.hypot(u - r.cx, v - r.cy) - radius) <= half)) covered++;
        }
      }
      const a = covered / (samples * samples);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(BLUE[c] * (1 - a) + WHITE[c] * a);
      px[i + 3] = 255;
    }
  }
  return encodePng(size, size, px);
}

export function appIcons(): Plugin {
  return {
    name: 'hamkke-app-icons',
    generateBundle() {
      for (const size of [192, 512]) {
        this.emitFile({ type: 'asset', fileName: `icons/icon-${size}.png`, source: drawIcon(size) });
      }
    },
  };
}
