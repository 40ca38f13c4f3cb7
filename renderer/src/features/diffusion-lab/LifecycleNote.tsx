/**
 * A warning beside a model picker when the catalog marks the chosen model legacy or end of life
 * (`lifecycle` in shared/catalog-schema.ts), with the catalog's own note on it. Nothing for an
 * active model.
 */
import { findModel, modelDisplayName } from '../../../../shared/models';

export function LifecycleNote({ modelId }: { modelId: string }) {
  const model = findModel(modelId);
  if (!model || model.lifecycle === 'active') return null;
  const status = model.lifecycle === 'legacy' ? 'legacy' : 'end of life';
  return (
    <p className="status status-warn small lifecycle-note" data-testid="lifecycle-note">
      <span>
        {modelDisplayName(model)} is marked {status} in the catalog
        {model.lifecycle === 'end-of-life' ? ': calls are likely to fail.' : '.'} {model.note ?? ''}{' '}
        Check that it is offered in your region (Models).
      </span>
    </p>
  );
}
