/**
 * Keeps the newest text of the thread in view. The page itself scrolls the transcript (the
 * screen's scroller, found from the thread's root), so a streaming answer stays visible as it
 * grows, but only while the learner has not scrolled up to read an earlier part (scrolling back
 * to the end follows again). Opening a conversation shows its end; sending a message brings the
 * end of the thread into view once, then follows it.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';

/** How close to the end (in pixels) still counts as "at the end". */
const NEAR_END_PX = 48;

/** The nearest ancestor that scrolls vertically (the app's main pane), else the document's. */
export function scrollerOf(el: Element | null): HTMLElement | null {
  for (let p = el?.parentElement ?? null; p; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return p;
  }
  const doc = document.scrollingElement;
  return doc instanceof HTMLElement ? doc : null;
}

export function useFollowLatest({
  conversationId,
  liveId,
  size,
}: {
  conversationId: string;
  /** The streaming answer's id; null when nothing streams. */
  liveId: string | null;
  /** Anything that grows with the thread: the number of turns plus the live text's length. */
  size: number;
}) {
  const rootRef = useRef<HTMLElement>(null);
  const following = useRef(true);
  /** Where the scroller was last scrolled to by this hook. */
  const autoTop = useRef(0);

  const toEnd = () => {
    const el = scrollerOf(rootRef.current);
    autoTop.current = 0;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    autoTop.current = el.scrollTop;
  };

  useEffect(() => {
    const el = scrollerOf(rootRef.current);
    if (!el) return;
    const onScroll = () => {
      following.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  useLayoutEffect(() => {
    following.current = true;
    // An empty chat stays where the screen opens (its heading and the composer in view).
    if (size > 0) toEnd();
    // Only a change of conversation scrolls here; growth is the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversationId]);

  useLayoutEffect(() => {
    if (liveId === null) return;
    following.current = true;
    toEnd();
  }, [liveId]);

  useLayoutEffect(() => {
    // Above where it was left: the learner scrolled up even if the scroll event has not run yet.
    const el = scrollerOf(rootRef.current);
    if (el && el.scrollTop < autoTop.current - 2) following.current = false;
    if (following.current && size > 0) toEnd();
  }, [size]);

  return { rootRef };
}
