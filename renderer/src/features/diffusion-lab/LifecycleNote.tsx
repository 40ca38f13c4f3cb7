/**
 * A warning beside a model picker when the catalog marks the chosen model legacy or end of life,
 * with the catalog's own note on it (see lifecycle-warning.ts). Nothing for an active model.
 */
import { lifecycleWarning } from './lifecycle-warning';

export function LifecycleNote({ modelId }: { modelId: string }) {
  const warning = lifecycleWarning(modelId);
  if (!warning) return null;
  return (
    <p
      className="status status-warn small lifecycle-note"
      data-testid="lifecycle-note"
      data-lifecycle={warning.status}
    >
      <span>{warning.text}</span>
    </p>
  );
}
