/**
 * A link elsewhere (My questions' pointer) asks for the Backup card: Settings opens, then the card
 * scrolls into view and its heading takes focus, once.
 */
import { handOver } from '../../../lib/hand-over';

const backupFocus = handOver();
export const requestBackupFocus = backupFocus.request;
export const takeBackupFocusRequest = backupFocus.take;
