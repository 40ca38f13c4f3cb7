/**
 * Settings → Backup: export everything the learner made as one JSON file, and import one. The card
 * says what the file holds and what it does not. The import is checked in a Web Worker with
 * progress (the page stays responsive), files over the stated limit are refused at once, and what
 * happens next (progress, refusal, the question before replacing newer rows, the result) appears
 * in a results region that scrolls itself into view.
 */
import { useEffect, useRef } from 'react';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { takeBackupFocusRequest } from './backup-focus';
import { MAX_BACKUP_BYTES, megabytes } from './backup-check';
import { ImportStatus, importAnnouncement } from './ImportStatus';
import { useBackup } from './use-backup';
import './backup.css';

export function BackupPanel() {
  const backup = useBackup();
  const input = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { state } = backup;
  useEffect(() => {
    if (!takeBackupFocusRequest()) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, []);
  return (
    <section className="card backup-settings" aria-labelledby="backup-heading">
      <h2 id="backup-heading" ref={heading} tabIndex={-1}>
        Backup
      </h2>
      <p className="muted small">One JSON file with everything you made in Stratum:</p>
      <ul className="backup-contents muted small">
        <li>
          Study: your questions (generated, imported and edited), case studies, answers, review
          cards, mock exams, reports, note progress and study settings.
        </li>
        <li>
          Labs: saved chats (with their attached images), token-lab experiments, gallery images,
          trained diffusion models, customization datasets, evaluation runs with their ratings and
          judge runs, and knowledge-base indexes with their embeddings (paid for once, kept
          exactly).
        </li>
      </ul>
      <p className="muted small">
        Not in it: generated questions still waiting for your review, work in progress (a practice
        or review session, unsent chat text, case-study sets not yet saved), the invocation log, and
        your AWS connection above. Credentials are never stored here, so never in a backup.
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
