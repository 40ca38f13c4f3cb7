/**
 * Home's "Study" button asks Spaced review to start the day's session at once, as Anki's deck
 * screen does. Kept in memory for one hand-over: Spaced review takes it once when it mounts.
 */
import { handOver } from '../../lib/hand-over';

const reviewStart = handOver();
export const requestReviewStart = reviewStart.request;
export const takeReviewStart = reviewStart.take;
