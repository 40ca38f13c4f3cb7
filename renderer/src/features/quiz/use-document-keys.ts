/**
 * Listens to key presses on the whole document with the handler of the latest render, so the
 * handler sees current state without re-subscribing on every change.
 */
import { useEffect, useRef } from 'react';

export function useDocumentKeys(handler: (e: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => latest.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}
