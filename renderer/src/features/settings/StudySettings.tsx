/**
 * Study settings, kept in IndexedDB with the learner's other study data: the exam date (Home's
 * countdown and daily plan) and spaced review's limits and target retention, as in Anki's deck
 * options. Each change is saved at once and said so.
 */
import { useState } from 'react';
import { IntegerField, RangeField } from '../../components/fields';
import { DEFAULT_STUDY_PREFS, saveStudyPrefs, useStudyPrefs } from '../../db/prefs';
import type { StudyPrefs } from '../../db/schema';
import { formatPercent } from '../../lib/format';
import './study-settings.css';

export function StudySettings() {
  const prefs = useStudyPrefs();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  if (!prefs) return null;
  const save = (change: Partial<Omit<StudyPrefs, 'id'>>, what: string) => {
    saveStudyPrefs(change)
      .then(() => setStatus({ text: `${what} saved.`, error: false }))
      .catch((e: unknown) =>
        setStatus({ text: `Could not save ${what.toLowerCase()} (${String(e)}).`, error: true }),
      );
  };
  return (
    <section className="card study-settings" aria-labelledby="study-settings-heading">
      <h2 id="study-settings-heading">Study</h2>
      <div className="field">
        <label htmlFor="exam-date">Exam date</label>
        <div className="inline-controls">
          <input
            id="exam-date"
            type="date"
            value={prefs.examDate ?? ''}
            onChange={(e) => save({ examDate: e.target.value || null }, 'Exam date')}
          />
          {prefs.examDate ? (
            <button
              type="button"
              className="link"
              onClick={() => save({ examDate: null }, 'Exam date')}
            >
              Clear
            </button>
          ) : null}
        </div>
        <p className="hint">Home counts down to it and plans new questions and notes per day.</p>
      </div>
      <IntegerField
        label="New questions per day (spaced review)"
        min={0}
        max={500}
        value={prefs.newPerDay}
        onChange={(v) => save({ newPerDay: v }, 'New questions per day')}
        hint={`Default ${DEFAULT_STUDY_PREFS.newPerDay}. Questions first answered in Quick practice join review without counting here.`}
      />
      <IntegerField
        label="Maximum reviews per day"
        min={1}
        max={5000}
        value={prefs.maxReviewsPerDay}
        onChange={(v) => save({ maxReviewsPerDay: v }, 'Maximum reviews per day')}
        hint={`Default ${DEFAULT_STUDY_PREFS.maxReviewsPerDay}. Questions still in learning are never held back.`}
      />
      <RangeField
        label="Target retention"
        min={0.8}
        max={0.97}
        step={0.01}
        value={prefs.targetRetention}
        display={formatPercent(prefs.targetRetention, 0)}
        onChange={(v) => save({ targetRetention: Math.round(v * 100) / 100 }, 'Target retention')}
        hint="The chance FSRS aims for that you still know a question when it comes back. Higher means shorter intervals and more reviews each day; 90% is the usual choice. Applies from the next rating."
      />
      {status ? (
        <p
          role="status"
          className={status.error ? 'status status-error small' : 'status status-ok small'}
        >
          {status.text}
        </p>
      ) : null}
    </section>
  );
}
