import { useEffect, useRef } from 'react';

/** Draws RGBA pixels at a fixed display size, nearest-neighbour (pixels stay visible). */
export function PixelCanvas({
  rgba,
  size,
  display = 160,
  label,
}: {
  rgba: Uint8ClampedArray;
  size: number;
  display?: number;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || rgba.length !== size * size * 4) return;
    ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), size, size), 0, 0);
  }, [rgba, size]);
  return (
    <canvas
      ref={ref}
      width={size}
      height={size}
      className="pixels"
      style={{ width: display, height: display }}
      role="img"
      aria-label={label}
    />
  );
}
