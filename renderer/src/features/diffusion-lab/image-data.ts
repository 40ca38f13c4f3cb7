/** Image helpers for the Bedrock tab: the sizes each model offers, data URLs, the apples picture. */
import type { ImageModelFamily } from '../../../../shared/image-models';
import { toRgba } from '../../lib/diffusion';
import { applesPicture } from '../../lib/drawings';

export const SIZES: Record<ImageModelFamily, [number, number][]> = {
  'nova-canvas': [
    [512, 512],
    [1024, 1024],
    [1280, 720],
    [720, 1280],
  ],
  'titan-image-v2': [
    [512, 512],
    [1024, 1024],
    [1152, 640],
    [768, 768],
  ],
  // Stability AI models take an aspect ratio instead (ImageForm's aspect ratio select).
  stability: [],
};

export const dataUrl = (img: { format: string; base64: string }) =>
  `data:image/${img.format};base64,${img.base64}`;

/** The bundled apples picture as PNG base64 (drawn by Stratum, so no licence question). */
export function applesPng(): string {
  const size = 256;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  ctx.putImageData(
    new ImageData(new Uint8ClampedArray(toRgba(applesPicture(size))), size, size),
    0,
    0,
  );
  return canvas.toDataURL('image/png').split(',')[1] ?? '';
}
