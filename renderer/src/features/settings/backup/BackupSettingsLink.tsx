import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { requestBackupFocus } from './backup-focus';

/** A link to Settings that lands on the Backup card (scrolled into view, its heading focused). */
export function BackupSettingsLink({ children }: { children: ReactNode }) {
  return (
    <Link href="/settings" onClick={requestBackupFocus}>
      {children}
    </Link>
  );
}
