import { useEffect, useRef } from 'react';

/** Draws RGBA pixels at a display size (at most its box's width), nearest-neighbour (pixels stay visible). */
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
      // Never wider than its box: in a narrow column the picture shrinks and stays square.
      style={{ width: display, maxWidth: '100%', height: 'auto', aspectRatio: '1' }}
      role="img"
      aria-label={label}
    />
  );
}
