/**
 * Layout and contrast checks any e2e test can run on the page it has open.
 *
 *   await expectSoundLayout(page, 'Token lab / dark');   // both checks, one message naming it
 *   const over = await overflowingElements(page);         // or each check on its own
 *   const faint = await lowContrastText(page);
 *
 * overflowingElements (inside `main`): every element whose content overflows its card
 * horizontally. Either its own content is wider than it (scrollWidth > clientWidth + 1 with
 * overflow-x visible, counting only visible boxes and text), or its box sticks out of its nearest
 * `.card`, `section` or `main`. Ignored: elements that scroll on purpose (overflow-x auto/scroll,
 * and everything inside them), the visually hidden `.sr-only`, fixed layers (dialogs, toasts), and
 * elements no bigger than a pixel.
 *
 * lowContrastText (the whole page, sidebar and dialogs included): every visible element with its
 * own text (and every text field or select) under WCAG AA contrast against its effective
 * background (its own and its ancestors' background colours, blended, up to the first opaque
 * one): 4.5:1, or 3:1 for large text. Disabled controls are exempt (WCAG 1.4.3), and so is text
 * over a background image or gradient, whose colour behind the text the check cannot know.
 * Colours are read through a canvas, so `color-mix()`, `oklch()` and the like arrive as sRGB.
 */
import type { Page } from 'playwright-core';
import {
  contrastRatio,
  effectiveBackground,
  formatColor,
  parseColor,
  requiredContrast,
} from './contrast';

export interface OverflowingElement {
  /** Lower-case tag name, e.g. 'td'. */
  tag: string;
  className: string;
  /** The start of its text (up to 40 characters). */
  text: string;
  /** How many CSS pixels stick out. */
  overflowPx: number;
  /** 'content': wider content than its own box; 'outside': its box leaves its container. */
  kind: 'content' | 'outside';
  /** The container it leaves ('div.card', 'section.screen', 'main.content'), for 'outside'. */
  container: string;
}

/** Runs in the page: no imports, no named inner functions (they would not survive serialising). */
function collectOverflow(): OverflowingElement[] {
  const describeEl = (el: Element) =>
    el.tagName.toLowerCase() +
    (typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\s+/).join('.')
      : '');
  const scrolls = (v: string) => v === 'auto' || v === 'scroll';
  // How far the visible content (boxes and text, not `.sr-only` text, not what a nested
  // clipping or scrolling box hides) reaches past the element's padding box, in CSS pixels.
  // scrollWidth alone also counts the 1px boxes of visually hidden text.
  const visibleSpill = (el: HTMLElement): number => {
    const box = el.getBoundingClientRect();
    const left = box.left + el.clientLeft;
    const right = left + el.clientWidth;
    let spill = 0;
    const range = document.createRange();
    const stack: Node[] = [...el.childNodes];
    while (stack.length) {
      const node = stack.pop()!;
      let r: DOMRect;
      if (node.nodeType === Node.TEXT_NODE) {
        if (!node.textContent?.trim()) continue;
        range.selectNodeContents(node);
        r = range.getBoundingClientRect();
      } else if (node instanceof Element) {
        if (node.matches('.sr-only, template')) continue;
        const s = getComputedStyle(node);
        if (s.display === 'none' || s.position === 'fixed') continue;
        r = node.getBoundingClientRect();
        if (s.overflowX === 'visible' || s.display === 'contents') stack.push(...node.childNodes);
      } else continue;
      if (r.width <= 1 && r.height <= 1) continue;
      spill = Math.max(spill, r.right - right, left - r.left);
    }
    return spill;
  };
  const root = document.querySelector('main') ?? document.body;
  const found: { el: Element; item: OverflowingElement }[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (!(el instanceof HTMLElement) && el.tagName.toLowerCase() !== 'svg') continue;
    if (el.closest('.sr-only, [hidden], template, option, optgroup')) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'fixed')
      continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;
    const text = ((el as HTMLElement).innerText ?? el.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 40);
    const base = { tag: el.tagName.toLowerCase(), className: String(el.className ?? ''), text };
    // Its own content wider than its box, spilling out visibly.
    if (
      el instanceof HTMLElement &&
      // The main column scrolls, but a page that scrolls sideways is an overflow all the same.
      (style.overflowX === 'visible' || el === root) &&
      style.display !== 'inline' &&
      el.scrollWidth > el.clientWidth + 1 &&
      el.clientWidth > 0
    ) {
      const spill = visibleSpill(el);
      if (spill > 1) {
        found.push({
          el,
          item: { ...base, kind: 'content', overflowPx: Math.round(spill), container: '' },
        });
      }
    }
    // Its box sticking out of its container, unless something in between clips or scrolls it,
    // or the container itself scrolls horizontally on purpose.
    const container = el.parentElement?.closest('.card, section, main');
    if (!container || el === root) continue;
    let clipped = scrolls(getComputedStyle(container).overflowX);
    for (let a = el.parentElement; a && a !== container && !clipped; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') clipped = true;
    }
    if (clipped) continue;
    const box = container.getBoundingClientRect();
    const out = Math.max(box.left - rect.left, rect.right - box.right);
    if (out > 1) {
      found.push({
        el,
        item: {
          ...base,
          kind: 'outside',
          overflowPx: Math.round(out),
          container: describeEl(container),
        },
      });
    }
  }
  // Name the culprits once: an element reported for its content is dropped when something inside
  // it is reported too (the card whose table sticks out), and an element sticking out of its
  // container is dropped when an ancestor sticks out of the same container (the cells of a table
  // that is too wide: the table is named).
  return found
    .filter((f) =>
      f.item.kind === 'content'
        ? !found.some((o) => o.el !== f.el && f.el.contains(o.el))
        : !found.some(
            (o) =>
              o.el !== f.el &&
              o.item.kind === 'outside' &&
              o.item.container === f.item.container &&
              o.el.contains(f.el),
          ),
    )
    .map((f) => f.item);
}

/**
 * Run under tsx (esbuild's keepNames), functions passed to page.evaluate call a `__name` helper
 * that does not exist in the page: give the page a harmless one first.
 */
async function allowNamedFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (fn) => fn; undefined');
}

/** Every element on the page whose content overflows its card horizontally (see top). */
export async function overflowingElements(page: Page): Promise<OverflowingElement[]> {
  await allowNamedFunctions(page);
  return page.evaluate(collectOverflow);
}

export function describeOverflow(items: readonly OverflowingElement[], max = 15): string {
  const lines = items
    .slice(0, max)
    .map(
      (i) =>
        `  <${i.tag}${i.className ? ` class="${i.className}"` : ''}> "${i.text}" ` +
        (i.kind === 'content'
          ? `content ${i.overflowPx}px wider than its box`
          : `sticks out of ${i.container} by ${i.overflowPx}px`),
    );
  if (items.length > max) lines.push(`  ... and ${items.length - max} more`);
  return lines.join('\n');
}

/** What the page reports for one piece of text; the maths happens in Node (contrast.ts). */
interface TextSample {
  tag: string;
  className: string;
  text: string;
  color: string;
  /** Background colours from the element outwards, up to and including the first opaque one. */
  layers: string[];
  opacity: number;
  fontSizePx: number;
  fontWeight: number;
}

function collectText(): TextSample[] {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  // Any CSS colour (color-mix, oklch, named) to rgba(), through the canvas.
  const toRgba = (css: string) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return `rgba(${r}, ${g}, ${b}, ${Math.round((a! / 255) * 1000) / 1000})`;
  };
  // The whole page: the sidebar and dialogs (the search palette) are read too.
  const root = document.body;
  const samples: TextSample[] = [];
  const fields =
    'input:not([type]), input[type="text"], input[type="search"], input[type="number"], input[type="email"], input[type="url"], textarea, select';
  for (const el of root.querySelectorAll('*')) {
    if (!(el instanceof HTMLElement)) continue;
    if (el.closest('.sr-only, [hidden], template, option, optgroup, script, style, svg')) continue;
    const isField = el.matches(fields);
    const ownText = isField
      ? ((el as HTMLInputElement).value ?? '')
      : [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('');
    if (!ownText.trim()) continue;
    if (
      el.closest(
        'button:disabled, input:disabled, select:disabled, textarea:disabled, fieldset:disabled, [aria-disabled="true"]',
      )
    )
      continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) continue;
    const layers: string[] = [];
    let opacity = 1;
    let image = false;
    let opaque = false;
    for (let a: Element | null = el; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      opacity *= parseFloat(s.opacity);
      if (opaque) continue;
      if (s.backgroundImage && s.backgroundImage !== 'none') image = true;
      const bg = toRgba(s.backgroundColor);
      if (!bg.endsWith(', 0)')) layers.push(bg);
      if (bg.endsWith(', 1)')) opaque = true;
    }
    if (image || opacity === 0) continue;
    samples.push({
      tag: el.tagName.toLowerCase(),
      className: typeof el.className === 'string' ? el.className : '',
      text: ownText.replace(/\s+/g, ' ').trim().slice(0, 40),
      color: toRgba(style.color),
      layers,
      opacity,
      fontSizePx: parseFloat(style.fontSize),
      fontWeight: parseFloat(style.fontWeight) || 400,
    });
  }
  return samples;
}

export interface LowContrastText {
  tag: string;
  className: string;
  text: string;
  /** The text colour and the background it was measured against, as rgb()/rgba(). */
  color: string;
  background: string;
  ratio: number;
  required: number;
}

/** Every piece of text on the page under WCAG AA contrast against its background (see top). */
export async function lowContrastText(page: Page): Promise<LowContrastText[]> {
  await allowNamedFunctions(page);
  const samples = await page.evaluate(collectText);
  const found: LowContrastText[] = [];
  for (const s of samples) {
    const background = effectiveBackground(s.layers.map(parseColor));
    const fg = parseColor(s.color);
    const ratio = contrastRatio({ ...fg, a: fg.a * s.opacity }, background);
    const required = requiredContrast(s.fontSizePx, s.fontWeight);
    if (ratio < required) {
      found.push({
        tag: s.tag,
        className: s.className,
        text: s.text,
        color: formatColor(fg),
        background: formatColor(background),
        ratio: Math.round(ratio * 100) / 100,
        required,
      });
    }
  }
  return found;
}

export function describeContrast(items: readonly LowContrastText[], max = 15): string {
  const lines = items
    .slice(0, max)
    .map(
      (i) =>
        `  <${i.tag}${i.className ? ` class="${i.className}"` : ''}> "${i.text}" ` +
        `${i.ratio}:1 (needs ${i.required}:1), ${i.color} on ${i.background}`,
    );
  if (items.length > max) lines.push(`  ... and ${items.length - max} more`);
  return lines.join('\n');
}

/**
 * Fails with one message naming `where` (e.g. "Token lab / Small model / dark") and every element
 * that overflows its card or whose text is too faint; returns nothing when the page is clean.
 */
export async function layoutProblems(
  page: Page,
  where: string,
  checks: { overflow?: boolean; contrast?: boolean } = {},
): Promise<string> {
  const parts: string[] = [];
  if (checks.overflow !== false) {
    const over = await overflowingElements(page);
    if (over.length)
      parts.push(`${over.length} element(s) overflow their card:\n${describeOverflow(over)}`);
  }
  if (checks.contrast !== false) {
    const faint = await lowContrastText(page);
    if (faint.length)
      parts.push(
        `${faint.length} text element(s) under WCAG AA contrast:\n${describeContrast(faint)}`,
      );
  }
  return parts.length ? `${where}: ${parts.join('\n')}` : '';
}

/**
 * Throws, naming `where` and every culprit, when an element overflows its card or text is under
 * WCAG AA contrast. For the "renders ... in dark" tests: `await expectSoundLayout(page, 'Token lab, dark')`.
 */
export async function expectSoundLayout(
  page: Page,
  where: string,
  checks: { overflow?: boolean; contrast?: boolean } = {},
): Promise<void> {
  const problems = await layoutProblems(page, where, checks);
  if (problems) throw new Error(problems);
}
