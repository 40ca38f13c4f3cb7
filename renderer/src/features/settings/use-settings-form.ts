import { useState } from 'react';
import type { AppError } from '../../../../shared/result';
import type { SettingsState } from '../../../../shared/settings';
import { useSettings } from '../../app/settings-context';
import { sameDraft, toDraft, toPatch, validate, type Draft } from './draft';

/**
 * The AWS connection form: the draft, whether it differs from what is saved, and saving it. The
 * draft is what the learner typed; `state` is what main saved. A failed save keeps the draft (so
 * nothing typed is lost) and leaves it unsaved: only main's answer updates `state`.
 */
export function useSettingsForm(state: SettingsState) {
  const { save } = useSettings();
  const [draft, setDraft] = useState<Draft>(() => toDraft(state.settings.aws));
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);

  const current = toDraft(state.settings.aws);
  const errors = validate(draft);
  const dirty = !sameDraft(current, draft);
  const valid = Object.keys(errors).length === 0;

  const update = (patch: Partial<Draft>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, ...patch }));
  };

  /** Saves the draft; true when main wrote it. */
  const persist = async (): Promise<boolean> => {
    setSaveError(null);
    setSaved(false);
    const error = await save(toPatch(draft));
    if (error) {
      setSaveError(error);
      return false;
    }
    setSaved(true);
    return true;
  };

  const discard = () => {
    setSaveError(null);
    setDraft(current);
  };

  return { draft, errors, dirty, valid, saved, saveError, update, persist, discard };
}
