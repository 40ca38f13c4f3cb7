/**
 * How a ResultsRegion comes into view. A region that fits in the view scrolls only as far as
 * needed; a taller one puts its top (its heading) at the top of the view, so the learner reads it
 * from the start rather than from its last row. Results often grow after they appear (an agent's
 * steps, a streamed answer, panels scored a moment later): while the learner has not scrolled,
 * typed or clicked since, and for a short while, growth that pushes the region's end below the
 * view reveals it again by the same rule. It never scrolls up to the region once the learner has
 * moved past it.
 */

/** How long growth may still bring the region into view after it appears. */
const FOLLOW_MS = 20_000;
/** Room kept around the region (its scroll-margin in results-region.css). */
const MARGIN = 16;

/** Scrolls `region` into view and follows its growth; returns a function that stops following. */
export function revealRegion(region: HTMLElement): () => void {
  const view = scrollParent(region);
  scrollOnce(region, view, false);
  if (typeof ResizeObserver === 'undefined') return () => {};
  let lastHeight = region.getBoundingClientRect().height;
  const observer = new ResizeObserver(() => {
    const height = region.getBoundingClientRect().height;
    if (height > lastHeight) scrollOnce(region, view, true);
    lastHeight = height;
  });
  observer.observe(region);
  const stop = () => {
    observer.disconnect();
    clearTimeout(timer);
    for (const type of USER_ACTIVITY) window.removeEventListener(type, stop, true);
  };
  const timer = setTimeout(stop, FOLLOW_MS);
  for (const type of USER_ACTIVITY) window.addEventListener(type, stop, true);
  return stop;
}

/** The learner taking over: after any of these the region is left where it is. */
const USER_ACTIVITY = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

function scrollOnce(region: HTMLElement, view: HTMLElement | null, onlyDown: boolean) {
  const box = region.getBoundingClientRect();
  const frame = view
    ? view.getBoundingClientRect()
    : { top: 0, bottom: window.innerHeight, height: window.innerHeight };
  const tall = box.height > frame.height - 2 * MARGIN;
  if (onlyDown) {
    // Only when the region's top is in view and its end has grown out of it.
    const topInView = box.top >= frame.top - 1 && box.top < frame.bottom;
    const endHidden = box.bottom > frame.bottom - MARGIN + 1;
    const topAtTop = box.top <= frame.top + MARGIN + 1;
    if (!topInView || !endHidden || topAtTop) return;
  }
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  region.scrollIntoView({
    block: tall ? 'start' : 'nearest',
    behavior: reduce ? 'auto' : 'smooth',
  });
}

/** The nearest ancestor that scrolls vertically, or null for the page itself. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return p;
  }
  return null;
}
