/**
 * The chat's settings: model (with what the region offers, once checked), system prompt,
 * inference parameters within the model's limits, stop sequences and an optional guardrail.
 */
import { useId, useState } from 'react';
import type { Availability } from '../../../../shared/contract';
import { GuardrailIdentifier, GuardrailVersion } from '../../../../shared/guardrails';
import { findModel } from '../../../../shared/models';
import type { AppError } from '../../../../shared/result';
import { IntegerField, RangeField } from '../../components/fields';
import type { ChatSettings } from '../../db/schema';
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

/** The first problem with a guardrail id or version, or null. */
export function guardrailProblem(guardrail: ChatSettings['guardrail']): string | null {
  if (!guardrail) return null;
  const id = GuardrailIdentifier.safeParse(guardrail.id);
  if (!id.success) return id.error.issues[0]?.message ?? 'The guardrail id is not valid.';
  const version = GuardrailVersion.safeParse(guardrail.version);
  if (!version.success) {
    return version.error.issues[0]?.message ?? 'The guardrail version is not valid.';
  }
  return null;
}

function StopSequences({
  value,
  onChange,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const id = useId();
  const full = value.length >= 4;
  const problem =
    draft.length > 100
      ? 'A stop sequence may be at most 100 characters.'
      : value.includes(draft)
        ? 'That stop sequence is already in the list.'
        : null;
  const add = () => {
    if (!draft || problem || full) return;
    onChange([...value, draft]);
    setDraft('');
  };
  return (
    <div className="field">
      <label htmlFor={id}>Stop sequences</label>
      {value.length > 0 ? (
        <ul className="chip-list" aria-label="Stop sequences">
          {value.map((s) => (
            <li key={s} className="chip">
              <code>{JSON.stringify(s)}</code>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove stop sequence ${JSON.stringify(s)}`}
                onClick={() => onChange(value.filter((x) => x !== s))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row">
        <input
          id={id}
          value={draft}
          disabled={full}
          placeholder={full ? 'Up to 4 stop sequences' : 'e.g. ###'}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={!draft || !!problem || full}>
          Add
        </button>
      </div>
      {problem ? (
        <p className="field-error">{problem}</p>
      ) : (
        <p className="hint">
          The answer ends where the model would write one of these (at most 4).
        </p>
      )}
    </div>
  );
}

export function ChatSettingsPanel({
  settings,
  onChange,
  models,
  availability,
  availabilityError,
  checking,
  onCheckAvailability,
  locked,
}: {
  settings: ChatSettings;
  onChange: (patch: Partial<ChatSettings>) => void;
  models: readonly ChatModel[];
  availability: Availability | null;
  availabilityError: AppError | null;
  checking: boolean;
  onCheckAvailability: () => void;
  /** True while an answer streams. */
  locked: boolean;
}) {
  const ids = { model: useId(), system: useId(), topP: useId(), guardrail: useId() };
  const entry = findModel(settings.modelId);
  const maxOut = maxOutputFor(settings.modelId);
  const guardrailError = guardrailProblem(settings.guardrail);
  const current = models.find((m) => m.id === settings.modelId);
  const status = availability && entry ? availabilityOf(entry, availability) : null;

  return (
    <aside className="card lab-side chat-settings" aria-label="Chat settings">
      <h2>Settings</h2>
      <fieldset disabled={locked} className="plain-fieldset">
        <div className="field">
          <label htmlFor={ids.model}>Model</label>
          <select
            id={ids.model}
            value={settings.modelId}
            onChange={(e) => {
              const modelId = e.target.value;
              onChange({ modelId, maxTokens: Math.min(settings.maxTokens, maxOutputFor(modelId)) });
            }}
          >
            {!current ? <option value={settings.modelId}>{settings.modelId}</option> : null}
            {models.map((m) => {
              const s = availability ? availabilityOf(m.entry, availability) : null;
              const tags = [
                m.entry.features.vision ? 'vision' : null,
                s ? STATUS_LABEL[s] : null,
              ].filter(Boolean);
              return (
                <option key={m.id} value={m.id}>
                  {m.label}
                  {tags.length ? ` (${tags.join(', ')})` : ''}
                </option>
              );
            })}
          </select>
          <p className="hint" data-testid="model-facts">
            <code>{settings.modelId}</code>
            {entry
              ? ` · ${entry.features.vision ? 'accepts images' : 'text only'} · up to ${maxOut.toLocaleString('en-US')} output tokens`
              : ' · not in Stratum’s catalog'}
            {status ? ` · ${STATUS_LABEL[status]} in ${availability?.region}` : ''}
          </p>
          <div className="actions tight">
            <button type="button" onClick={onCheckAvailability} disabled={checking}>
              {checking
                ? 'Checking…'
                : availability
                  ? 'Check again'
                  : 'Check what this region offers'}
            </button>
          </div>
          {availabilityError ? (
            <p className="field-error">
              {availabilityError.message}
              {availabilityError.remedy ? ` ${availabilityError.remedy}` : ''}
            </p>
          ) : availability ? (
            <p className="hint">
              Checked {availability.region}: models Bedrock does not list there are marked “not
              listed”. Whether your account may call a model is known only when a call succeeds.
            </p>
          ) : (
            <p className="hint">
              The list is Stratum’s catalog; the check asks Bedrock which of them it offers in this
              region (free, no model is called).
            </p>
          )}
        </div>

        <div className="field">
          <label htmlFor={ids.system}>System prompt</label>
          <textarea
            id={ids.system}
            rows={4}
            maxLength={100_000}
            value={settings.system}
            disabled={entry?.features.systemPrompt === false}
            placeholder="Instructions for the whole conversation (role, tone, rules)"
            onChange={(e) => onChange({ system: e.target.value })}
          />
          {entry?.features.systemPrompt === false ? (
            <p className="hint">This model takes no system prompt; it is not sent.</p>
          ) : null}
        </div>

        <RangeField
          label="Temperature"
          value={settings.temperature}
          min={0}
          max={1}
          step={0.05}
          display={settings.temperature.toFixed(2)}
          onChange={(temperature) => onChange({ temperature })}
          hint="Lower is more predictable; higher is more varied."
        />
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={settings.topP !== null}
              onChange={(e) => onChange({ topP: e.target.checked ? 0.9 : null })}
            />
            Send top-p as well
          </label>
          <p className="hint">
            Off: the model’s default applies. Some newer models refuse temperature and top-p in the
            same request.
          </p>
        </div>
        {settings.topP !== null ? (
          <RangeField
            label="Top-p"
            value={settings.topP}
            min={0}
            max={1}
            step={0.05}
            display={settings.topP.toFixed(2)}
            onChange={(topP) => onChange({ topP })}
          />
        ) : null}
        <IntegerField
          label={`Max tokens (1 to ${maxOut.toLocaleString('en-US')})`}
          value={settings.maxTokens}
          min={1}
          max={maxOut}
          onChange={(maxTokens) => onChange({ maxTokens })}
        />
        <StopSequences
          value={settings.stopSequences}
          onChange={(stopSequences) => onChange({ stopSequences })}
        />

        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              checked={settings.guardrail !== null}
              onChange={(e) =>
                onChange({
                  guardrail: e.target.checked ? { id: '', version: 'DRAFT', trace: true } : null,
                })
              }
            />
            Apply a guardrail
          </label>
          {settings.guardrail ? (
            <div className="guardrail-fields" id={ids.guardrail}>
              <label>
                Guardrail id or ARN
                <input
                  value={settings.guardrail.id}
                  aria-invalid={guardrailError && !settings.guardrail.id.trim() ? true : undefined}
                  placeholder="e.g. a1b2c3d4e5f6"
                  onChange={(e) =>
                    onChange({ guardrail: { ...settings.guardrail!, id: e.target.value } })
                  }
                />
              </label>
              <label>
                Version
                <input
                  value={settings.guardrail.version}
                  placeholder="DRAFT or 1"
                  onChange={(e) =>
                    onChange({ guardrail: { ...settings.guardrail!, version: e.target.value } })
                  }
                />
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={settings.guardrail.trace}
                  onChange={(e) =>
                    onChange({ guardrail: { ...settings.guardrail!, trace: e.target.checked } })
                  }
                />
                Show the guardrail’s trace
              </label>
              {guardrailError ? (
                <p className="field-error" data-testid="guardrail-error">
                  {guardrailError}
                </p>
              ) : (
                <p className="hint">
                  Create a guardrail in the Amazon Bedrock console, in the region set in Settings,
                  and enter its id and version here.
                </p>
              )}
            </div>
          ) : null}
        </div>
      </fieldset>
    </aside>
  );
}
