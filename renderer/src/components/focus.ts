/**
 * After the learner navigates, focus goes to the new screen's heading (so keyboard and
 * screen-reader users land on it). Lazy screens mount after the navigation, so the request waits
 * until a heading claims it.
 */
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
