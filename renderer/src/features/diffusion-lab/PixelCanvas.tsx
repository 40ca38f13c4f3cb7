import { useEffect, useRef } from 'react';

/** Draws RGBA pixels at a display size, nearest-neighbour (pixels stay visible). */
export function PixelCanvas({
  rgba,
  size,
  display = 160,
  fluid = false,
  label,
}: {
  rgba: Uint8ClampedArray;
  size: number;
  display?: number;
  /** Shrink with a narrow column (in a grid cell), keeping the picture square. */
  fluid?: boolean;
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
      style={
        fluid
          ? { width: display, maxWidth: '100%', height: 'auto', aspectRatio: '1' }
          : { width: display, height: display }
      }
      role="img"
      aria-label={label}
    />
  );
}
