/**
 * Which of a note's sections the learner is reading, for "On this page": the last heading that
 * has passed a line a quarter of the way down the scrolling pane, or the last heading once the note's
 * end is in view. IntersectionObserver wakes it only when a heading crosses that line (or the end
 * comes into view), so scrolling costs nothing in between.
 */
import { useEffect, useState } from 'react';

/** How far down the window a heading must have come to count as the current section. */
const READING_LINE = 0.25;

export function useActiveHeading(slugs: readonly string[]): string | null {
  const [active, setActive] = useState<string | null>(slugs[0] ?? null);
  const key = slugs.join(' ');

  useEffect(() => {
    const headings = key
      .split(' ')
      .map((slug) => document.getElementById(slug))
      .filter((el): el is HTMLElement => el !== null);
    if (headings.length === 0) return;
    const end = document.querySelector('.note .prev-next');
    let atEnd = false;
    const update = () => {
      const pane = document.querySelector('.content')?.getBoundingClientRect();
      const line = (pane?.top ?? 0) + (pane?.height ?? window.innerHeight) * READING_LINE;
      const passed = headings.filter((h) => h.getBoundingClientRect().top <= line);
      const current = atEnd ? headings.at(-1) : (passed.at(-1) ?? headings[0]);
      setActive(current?.id ?? null);
    };
    // Observed zone: everything above the reading line, in the scrolling pane. A heading then
    // changes state whenever it crosses the line, even when a jump skips over a thin band.
    const crossing = new IntersectionObserver(update, {
      root: document.querySelector('.content'),
      rootMargin: `100000px 0px -${(1 - READING_LINE) * 100}% 0px`,
    });
    const ending = new IntersectionObserver((entries) => {
      atEnd = entries.some((e) => e.isIntersecting);
      update();
    });
    headings.forEach((h) => crossing.observe(h));
    if (end) ending.observe(end);
    update();
    return () => {
      crossing.disconnect();
      ending.disconnect();
    };
  }, [key]);

  return active;
}
