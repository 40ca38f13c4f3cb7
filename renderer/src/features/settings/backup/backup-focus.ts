/**
 * A link elsewhere (My questions' pointer) asks for the Backup card: Settings opens, then the card
 * scrolls into view and its heading takes focus, once.
 */
let requested = false;

export function requestBackupFocus(): void {
  requested = true;
}

/** True once after a request (and clears it). */
export function takeBackupFocusRequest(): boolean {
  const was = requested;
  requested = false;
  return was;
}
