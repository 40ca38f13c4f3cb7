/**
 * The backup card: export everything as one JSON file, and import one. The import is checked in a
 * Web Worker with progress (the page stays responsive), files over the stated limit are refused
 * at once, and what happens next (progress, refusal, the question before replacing newer rows,
 * the result) appears in a results region that scrolls itself into view.
 */
import { useRef } from 'react';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { MAX_BACKUP_BYTES, megabytes } from '../backup-check';
import { ImportStatus, importAnnouncement } from './ImportStatus';
import { useBackup } from './use-backup';

export function BackupPanel() {
  const backup = useBackup();
  const input = useRef<HTMLInputElement>(null);
  const { state } = backup;
  return (
    <section className="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup</h2>
      <p className="muted small">
        One JSON file with your questions (generated, imported and edited), case studies, answers,
        review cards, mock exams, reports, note progress and study settings (a file with settings
        restores them). Generated questions still waiting for your review are not included.
        Importing merges by id and never deletes anything already here. Files up to{' '}
        {megabytes(MAX_BACKUP_BYTES)} can be imported.
      </p>
      <div className="actions">
        <button type="button" onClick={() => void backup.doExport()}>
          Export everything
        </button>
        <button type="button" disabled={backup.busy} onClick={() => input.current?.click()}>
          Import a backup…
        </button>
        <input
          ref={input}
          className="sr-only"
          tabIndex={-1}
          aria-label="Backup file to import"
          type="file"
          accept=".json,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void backup.read(file);
          }}
        />
      </div>
      <ResultsRegion
        label="Backup result"
        className="backup-result"
        revealKey={state.step === 'idle' ? null : `${backup.attempt}-${state.step}`}
        announce={importAnnouncement(state)}
      >
        <ImportStatus backup={backup} />
      </ResultsRegion>
    </section>
  );
}
