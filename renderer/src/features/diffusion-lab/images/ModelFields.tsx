/**
 * The model picker of the Generate form: active models first, each with its lifecycle state in
 * plain words, then the catalog's note on a legacy or end-of-life model and, when the model is
 * not offered in the learner's Region, which Region serves it.
 */
import { useMemo } from 'react';
import { ModelSelect } from '../../../components/ModelSelect';
import { LifecycleNote } from '../LifecycleNote';
import { imageModelOptions, LIFECYCLE_LABEL } from '../lifecycle-warning';
import { regionNote } from './region-note';

export function ModelFields({
  modelId,
  region,
  onChange,
}: {
  modelId: string;
  region: string;
  onChange: (modelId: string) => void;
}) {
  const models = useMemo(() => imageModelOptions(region), [region]);
  const elsewhere = regionNote(modelId, region);
  return (
    <>
      <ModelSelect
        label="Model"
        value={modelId}
        options={models}
        describe={(o) => `(${LIFECYCLE_LABEL[o.model.lifecycle]})`}
        onChange={onChange}
      />
      <div className="wide">
        <LifecycleNote modelId={modelId} />
        {elsewhere ? (
          <p className="status status-warn small" data-testid="region-note">
            {elsewhere}
          </p>
        ) : null}
      </div>
    </>
  );
}
