/**
 * Home's "Study" button asks Spaced review to start the day's session at once, as Anki's deck
 * screen does. Kept in memory for one hand-over: Spaced review takes it once when it mounts.
 */
let pending = false;

export function requestReviewStart(): void {
  pending = true;
}

export function takeReviewStart(): boolean {
  const was = pending;
  pending = false;
  return was;
}
