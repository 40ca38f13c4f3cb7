/**
 * The chat's settings: model (with what the region offers, once checked), system prompt,
 * inference parameters within the model's limits, stop sequences and an optional guardrail.
 * Locked while an answer streams.
 */
import { useId } from 'react';
import type { Availability } from '../../../../shared/contract';
import { findModel } from '../../../../shared/models';
import type { AppError } from '../../../../shared/result';
import { IntegerField, RangeField } from '../../components/fields';
import type { ChatSettings } from '../../db/schema';
import { formatCount } from '../../lib/format';
import { maxOutputFor, type ChatModel } from './chat-request';
import { GuardrailSettings } from './GuardrailSettings';
import { ModelPicker } from './ModelPicker';
import { StopSequences } from './StopSequences';

export function ChatSettingsPanel({
  settings,
  note,
  onChange,
  models,
  availability,
  availabilityError,
  checking,
  onCheckAvailability,
  locked,
}: {
  settings: ChatSettings;
  /** Why Max tokens was lowered for the learner (a model or preset change); null when not. */
  note: string | null;
  onChange: (patch: Partial<ChatSettings>) => void;
  models: readonly ChatModel[];
  availability: Availability | null;
  availabilityError: AppError | null;
  checking: boolean;
  onCheckAvailability: () => void;
  /** True while an answer streams. */
  locked: boolean;
}) {
  const systemId = useId();
  const noSystem = findModel(settings.modelId)?.features.systemPrompt === false;
  const maxOut = maxOutputFor(settings.modelId);

  return (
    <aside className="card lab-side chat-settings" aria-label="Chat settings">
      <h2>Settings</h2>
      <fieldset disabled={locked} className="plain-fieldset">
        <ModelPicker
          modelId={settings.modelId}
          onChange={(modelId) => onChange({ modelId })}
          models={models}
          availability={availability}
          availabilityError={availabilityError}
          checking={checking}
          onCheckAvailability={onCheckAvailability}
        />

        <div className="field">
          <label htmlFor={systemId}>System prompt</label>
          <textarea
            id={systemId}
            rows={4}
            maxLength={100_000}
            value={settings.system}
            disabled={noSystem}
            placeholder="Instructions for the whole conversation (role, tone, rules)"
            onChange={(e) => onChange({ system: e.target.value })}
          />
          {noSystem ? (
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
        {/* Keyed by model: a field still holding what was typed for the last model starts over. */}
        <IntegerField
          key={settings.modelId}
          label={`Max tokens (1 to ${formatCount(maxOut)})`}
          value={settings.maxTokens}
          min={1}
          max={maxOut}
          onChange={(maxTokens) => onChange({ maxTokens })}
        />
        <p className="field-note chat-settings-note" aria-live="polite" data-testid="settings-note">
          {note}
        </p>
        <StopSequences
          value={settings.stopSequences}
          onChange={(stopSequences) => onChange({ stopSequences })}
        />
        <GuardrailSettings
          guardrail={settings.guardrail}
          onChange={(guardrail) => onChange({ guardrail })}
        />
      </fieldset>
    </aside>
  );
}
