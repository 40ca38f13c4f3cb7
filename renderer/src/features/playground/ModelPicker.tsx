/**
 * The chat's model: Stratum's catalog of chat models (marked with what the region offers once
 * checked), the chosen model's facts, and the free region check.
 */
import { useId } from 'react';
import type { Availability } from '../../../../shared/contract';
import { findModel, optionFor } from '../../../../shared/models';
import type { AppError } from '../../../../shared/result';
import { formatCount } from '../../lib/format';
import {
  availabilityOf,
  maxOutputFor,
  type AvailabilityStatus,
  type ChatModel,
} from './chat-request';

const STATUS_LABEL: Record<AvailabilityStatus, string> = {
  'on-demand': 'offered',
  profile: 'offered via inference profile',
  'not-listed': 'not listed',
};

export function ModelPicker({
  modelId,
  onChange,
  models,
  availability,
  availabilityError,
  checking,
  onCheckAvailability,
}: {
  modelId: string;
  onChange: (modelId: string) => void;
  models: readonly ChatModel[];
  availability: Availability | null;
  availabilityError: AppError | null;
  checking: boolean;
  onCheckAvailability: () => void;
}) {
  const id = useId();
  const entry = findModel(modelId);
  // Any form of a listed model's id (a bare id, another geography's profile) selects its option.
  const current = optionFor(modelId, models);
  const status = availability && entry ? availabilityOf(entry, availability) : null;
  return (
    <div className="field">
      <label htmlFor={id}>Model</label>
      <select id={id} value={current?.id ?? modelId} onChange={(e) => onChange(e.target.value)}>
        {!current ? <option value={modelId}>{`${modelId} (not in this list)`}</option> : null}
        {models.map((m) => {
          const s = availability ? availabilityOf(m.model, availability) : null;
          const tags = [m.model.features.vision ? 'vision' : null, s ? STATUS_LABEL[s] : null];
          const shown = tags.filter(Boolean);
          return (
            <option key={m.id} value={m.id}>
              {m.label}
              {shown.length ? ` (${shown.join(', ')})` : ''}
            </option>
          );
        })}
      </select>
      <p className="hint" data-testid="model-facts">
        <code>{modelId}</code>
        {entry
          ? ` · ${entry.features.vision ? 'accepts images' : 'text only'} · up to ${formatCount(maxOutputFor(modelId))} output tokens`
          : ' · not in Stratum’s catalog'}
        {status ? ` · ${STATUS_LABEL[status]} in ${availability?.region}` : ''}
      </p>
      <div className="actions tight">
        <button type="button" onClick={onCheckAvailability} disabled={checking}>
          {checking ? 'Checking…' : availability ? 'Check again' : 'Check what this region offers'}
        </button>
      </div>
      {availabilityError ? (
        <p className="field-error">
          {availabilityError.message}
          {availabilityError.remedy ? ` ${availabilityError.remedy}` : ''}
        </p>
      ) : availability ? (
        <p className="hint">
          Checked {availability.region}: models Bedrock does not list there are marked “not listed”.
          Whether your account may call a model is known only when a call succeeds.
        </p>
      ) : (
        <p className="hint">
          The list is Stratum’s catalog; the check asks Bedrock which of them it offers in this
          region (free, no model is called).
        </p>
      )}
    </div>
  );
}
