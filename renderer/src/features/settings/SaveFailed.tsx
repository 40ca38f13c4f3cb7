import type { AppError } from '../../../../shared/result';
import { CodeText } from '../../components/CodeText';
import { Icon } from '../../components/Icon';

/** A save main refused or could not write. The form keeps what was typed, marked unsaved. */
export function SaveFailed({ error }: { error: AppError }) {
  return (
    <div className="status status-error" role="alert" data-testid="save-error">
      <Icon name="alert" />
      <div>
        <p>
          <strong>Your settings were not saved:</strong> <CodeText>{error.message}</CodeText>
        </p>
        {error.remedy ? (
          <p className="remedy">
            <span className="remedy-label">What to do: </span>
            <CodeText>{error.remedy}</CodeText>
          </p>
        ) : null}
        <p className="muted">
          The form still shows what you typed; Stratum keeps using the settings saved before.
        </p>
      </div>
    </div>
  );
}
