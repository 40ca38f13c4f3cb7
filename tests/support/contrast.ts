/**
 * WCAG 2.x colour contrast, pure: parse a CSS colour string (`rgb()`, `rgba()`, `#rgb`,
 * `#rrggbb`, `#rrggbbaa`), blend translucent layers, and compute the contrast ratio.
 * The in-page part of the check (tests/support/layout.ts) only collects colours; the maths is here
 * so it can be unit-tested against WCAG's published values.
 *
 * References: WCAG 2.2 "relative luminance" and "contrast ratio" definitions,
 * https://www.w3.org/TR/WCAG22/#dfn-relative-luminance and #dfn-contrast-ratio.
 */

/** An sRGB colour: r, g, b in 0..255, alpha in 0..1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function channel(text: string): number {
  const t = text.trim();
  return t.endsWith('%') ? (parseFloat(t) / 100) * 255 : parseFloat(t);
}

function alpha(text: string | undefined): number {
  if (text === undefined) return 1;
  const t = text.trim();
  return clamp(t.endsWith('%') ? parseFloat(t) / 100 : parseFloat(t), 0, 1);
}

/** Parses `rgb(1, 2, 3)`, `rgba(1, 2, 3, 0.5)`, `rgb(1 2 3 / 50%)`, `#abc`, `#aabbcc`, `#aabbccdd`. */
export function parseColor(text: string): Rgba {
  const s = text.trim().toLowerCase();
  if (s === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(s);
  if (hex) {
    let digits = hex[1]!;
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
    const n = (i: number) => parseInt(digits.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: digits.length === 8 ? n(6) / 255 : 1 };
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(s);
  if (fn) {
    const [rgb, slashAlpha] = fn[1]!.split('/');
    const parts = rgb!
      .split(/[\s,]+/)
      .map((p) => p.trim())
      .filter(Boolean);
    if (parts.length === 3 || parts.length === 4) {
      const [r, g, b, a] = parts;
      const color = {
        r: clamp(channel(r!), 0, 255),
        g: clamp(channel(g!), 0, 255),
        b: clamp(channel(b!), 0, 255),
        a: alpha(slashAlpha ?? a),
      };
      if (![color.r, color.g, color.b, color.a].some(Number.isNaN)) return color;
    }
  }
  throw new Error(`Not an rgb()/rgba()/hex colour: "${text}"`);
}

/** WCAG relative luminance of an opaque sRGB colour (alpha is ignored). */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** `top` painted over `bottom` (source-over). An opaque result when `bottom` is opaque. */
export function blend(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/**
 * The colour behind an element: its own and its ancestors' background colours, innermost first,
 * painted from the outermost up. Layers below the first opaque one cannot show; with no opaque
 * layer at all, the page's canvas (`canvas`, white by default) shows through.
 */
export function effectiveBackground(
  layers: readonly Rgba[],
  canvas: Rgba = { r: 255, g: 255, b: 255, a: 1 },
): Rgba {
  const firstOpaque = layers.findIndex((l) => l.a >= 1);
  const visible = firstOpaque === -1 ? layers : layers.slice(0, firstOpaque + 1);
  let result = firstOpaque === -1 ? canvas : visible[visible.length - 1]!;
  for (let i = visible.length - (firstOpaque === -1 ? 1 : 2); i >= 0; i--) {
    result = blend(visible[i]!, result);
  }
  return result;
}

/** WCAG contrast ratio (1 to 21) of two colours; a translucent foreground is blended first. */
export function contrastRatio(foreground: Rgba | string, background: Rgba | string): number {
  const bg = typeof background === 'string' ? parseColor(background) : background;
  const fgRaw = typeof foreground === 'string' ? parseColor(foreground) : foreground;
  const opaqueBg = bg.a >= 1 ? bg : blend(bg, { r: 255, g: 255, b: 255, a: 1 });
  const fg = fgRaw.a >= 1 ? fgRaw : blend(fgRaw, opaqueBg);
  const l1 = relativeLuminance(fg);
  const l2 = relativeLuminance(opaqueBg);
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

/**
 * WCAG "large scale" text: at least 18 point (24 CSS px), or at least 14 point (18.66 CSS px)
 * and bold (weight 700 or more).
 */
export function isLargeText(fontSizePx: number, fontWeight: number): boolean {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
}

/** The least contrast WCAG 2.x level AA asks of text of this size and weight. */
export function requiredContrast(fontSizePx: number, fontWeight: number): number {
  return isLargeText(fontSizePx, fontWeight) ? 3 : 4.5;
}

/** Formats a colour for messages: `rgb(1, 2, 3)` or `rgba(1, 2, 3, 0.5)`. */
export function formatColor({ r, g, b, a }: Rgba): string {
  const c = [r, g, b].map((v) => Math.round(v)).join(', ');
  return a >= 1 ? `rgb(${c})` : `rgba(${c}, ${Math.round(a * 100) / 100})`;
}
