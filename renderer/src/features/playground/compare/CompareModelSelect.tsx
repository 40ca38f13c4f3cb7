/**
 * A model picker for one Compare column: the text models that stream and can still be called,
 * each under the id it is called by in the region. An id held from elsewhere (the default model
 * in Settings) that is not one of the options gets an option of its own, so it stays selected.
 */
import { useId, useMemo } from 'react';
import {
  findModel,
  invocableModelId,
  modelDisplayName,
  textModels,
} from '../../../../../shared/models';

export interface ModelChoice {
  id: string;
  label: string;
}

/** The model's name for people, or the id itself when the catalog does not know it. */
export function modelLabel(id: string): string {
  const model = findModel(id);
  return model ? modelDisplayName(model) : id;
}

/** Text models that stream and can still be called, under their invocation id in `region`. */
export function useModelChoices(region: string): ModelChoice[] {
  return useMemo(
    () =>
      textModels()
        .filter(
          (m) =>
            m.lifecycle !== 'end-of-life' &&
            m.features.streaming &&
            !m.outputModalities.includes('embedding'),
        )
        .map((m) => ({ id: invocableModelId(m, region), label: modelDisplayName(m) })),
    [region],
  );
}

export function CompareModelSelect({
  label,
  value,
  onChange,
  options,
  disabled,
}: {
  label: string;
  value: string;
  onChange: (id: string) => void;
  options: readonly ModelChoice[];
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {!options.some((o) => o.id === value) ? (
          <option value={value}>
            {findModel(value) ? `${modelLabel(value)} (${value})` : value}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
