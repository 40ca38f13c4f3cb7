/** The current time in milliseconds, refreshed every `everyMs` (for countdowns and "due in"). */
import { useEffect, useState } from 'react';
import { formatDateTime } from '../../lib/format';

export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** True when a key event should be left to the focused control (typing, a select, a modifier). */
export function isTypingTarget(e: KeyboardEvent): boolean {
  const t = e.target;
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  if (t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement) return true;
  if (t instanceof HTMLInputElement) return !['radio', 'checkbox', 'button'].includes(t.type);
  return t instanceof HTMLElement && t.isContentEditable;
}

/** "in 3 h (4 Dec 2026, 09:00)" style: when something is due, relative and absolute. */
export function formatDueAt(iso: string, now: number): string {
  const d = new Date(iso);
  const absolute = formatDateTime(d);
  const ms = d.getTime() - now;
  if (ms <= 0) return `now (${absolute})`;
  const min = Math.round(ms / 60_000);
  const rel =
    min < 1
      ? 'in under a minute'
      : min < 60
        ? `in ${min} min`
        : min < 60 * 36
          ? `in ${Math.round(min / 60)} h`
          : `in ${Math.round(min / 1440)} days`;
  return `${rel} (${absolute})`;
}
