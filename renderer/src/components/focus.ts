/**
 * After the learner navigates, focus goes to the new screen's heading (so keyboard and
 * screen-reader users land on it). Lazy screens mount after the navigation, so the request waits
 * until a heading claims it.
 */
import type { KeyboardEvent } from 'react';

let pending = false;

export function requestHeadingFocus(): void {
  pending = true;
  // While a lazy screen loads, Suspense keeps the previous screen mounted but hidden: only a
  // visible heading may claim the focus.
  const heading = [...document.querySelectorAll<HTMLElement>('main h1')].find((h) =>
    h.checkVisibility(),
  );
  if (heading) claimHeadingFocus(heading);
}

export function claimHeadingFocus(heading: HTMLElement | null): void {
  if (!pending || !heading) return;
  pending = false;
  heading.focus();
}

/**
 * Keeps Tab inside a modal dialog: from the last of its `selector` elements Tab goes to the first,
 * from the first Shift+Tab to the last (and from anywhere else, to the next or previous one).
 * Call it from the dialog's own onKeyDown.
 */
export function trapTab(e: KeyboardEvent<HTMLElement>, selector: string): void {
  if (e.key !== 'Tab') return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(selector)];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const step = e.shiftKey ? -1 : 1;
  const next =
    at < 0 ? (e.shiftKey ? items.length - 1 : 0) : (at + step + items.length) % items.length;
  e.preventDefault();
  items[next]?.focus();
}
