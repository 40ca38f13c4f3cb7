/**
 * Keeps the newest text of the thread in view: a streaming answer stays visible as it grows, but
 * only while the learner has not scrolled up to read an earlier part (scrolling back to the end
 * follows again). Opening a conversation shows its end; sending a message brings the end of the
 * thread into the window's view once, not on every delta.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

/** How close to the end (in pixels) still counts as "at the end". */
const NEAR_END_PX = 48;

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
  const listRef = useRef<HTMLOListElement>(null);
  const endRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  /** Where the list was last scrolled to by this hook. */
  const autoTop = useRef(0);

  const onScroll = useCallback(() => {
    const el = listRef.current;
    if (!el) return;
    following.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX;
  }, []);

  const toEnd = () => {
    const el = listRef.current;
    autoTop.current = 0;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    autoTop.current = el.scrollTop;
  };

  useLayoutEffect(() => {
    following.current = true;
    toEnd();
  }, [conversationId]);

  useLayoutEffect(() => {
    if (liveId === null) return;
    following.current = true;
    toEnd();
    endRef.current?.scrollIntoView({ block: 'nearest' });
  }, [liveId]);

  useLayoutEffect(() => {
    // Above where it was left: the learner scrolled up even if the scroll event has not run yet.
    const el = listRef.current;
    if (el && el.scrollTop < autoTop.current - 2) following.current = false;
    if (following.current) toEnd();
  }, [size]);

  return { listRef, endRef, onScroll };
}
