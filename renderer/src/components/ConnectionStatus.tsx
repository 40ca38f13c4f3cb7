/** Shows a connection check (or an error) the same way on Home and in Settings. */
import type { AppError } from '../../../shared/result';
import type { ConnectionCheck } from '../../../shared/settings';
import { formatDateTime, formatDuration } from '../lib/format';
import { CodeText } from './CodeText';
import { Icon } from './Icon';
import './status.css';

const TITLES: Record<string, string> = {
  no_credentials: 'No AWS credentials found',
  sso_expired: 'SSO session expired',
  invalid_credentials: 'Credentials rejected',
  access_denied: 'Access denied',
  on_demand_not_supported: 'Needs an inference profile',
  model_not_found: 'Model not available here',
  throttled: 'Throttled by Bedrock',
  validation: 'Request rejected',
  offline: 'Cannot reach AWS',
  timeout: 'Timed out',
  service_unavailable: 'Bedrock unavailable',
  cancelled: 'Test cancelled',
};

export function errorTitle(code: string): string {
  return TITLES[code] ?? 'Connection failed';
}

export function ConnectionResult({ check }: { check: ConnectionCheck }) {
  if (check.ok) {
    return (
      <div className="status status-ok" data-testid="connection-result">
        <Icon name="check" />
        <div>
          <strong>Connected</strong>
          <p>
            <code>{check.modelId}</code> answered in {check.region} in{' '}
            <strong data-testid="latency">{formatDuration(check.latencyMs)}</strong>
            {check.profile
              ? ` using profile “${check.profile}”`
              : ' using the default credential chain'}
            .
          </p>
          <p className="muted">Checked {formatDateTime(check.at)}</p>
        </div>
      </div>
    );
  }
  return (
    <ErrorPanel
      error={{ code: check.code, message: check.message, remedy: check.remedy }}
      footer={`Checked ${formatDateTime(check.at)} with ${check.modelId} in ${check.region}`}
    />
  );
}

/**
 * An error with what to do about it. The title says what failed (by default from the error's
 * code); the message and remedy may mark commands with backticks, shown as code.
 */
export function ErrorPanel({
  error,
  footer,
  title,
}: {
  error: Pick<AppError, 'message' | 'remedy'> & { code: string };
  footer?: string;
  title?: string;
}) {
  return (
    <div className="status status-error" role="alert" data-testid="connection-result">
      <Icon name="alert" />
      <div>
        <strong>{title ?? errorTitle(error.code)}</strong>
        <p>
          <CodeText>{error.message}</CodeText>
        </p>
        {error.remedy ? (
          <p className="remedy">
            <span className="remedy-label">What to do: </span>
            <CodeText>{error.remedy}</CodeText>
          </p>
        ) : null}
        {footer ? <p className="muted">{footer}</p> : null}
      </div>
    </div>
  );
}

/**
 * What Test connection ended with: the transport error, or the last check. A test the learner
 * cancelled says so and keeps the last check in view; before any test, a note says what a test
 * sends.
 */
export function TestOutcome({
  error,
  last,
  testing,
}: {
  error: AppError | null;
  last: ConnectionCheck | null;
  testing: boolean;
}) {
  const cancelled = error?.code === 'cancelled';
  return (
    <div aria-live="polite">
      {cancelled && !testing ? (
        <p className="muted" role="status">
          Test cancelled{last ? '; the last result is still shown' : ''}.
        </p>
      ) : null}
      {error && !cancelled ? <ErrorPanel error={error} /> : null}
      {(!error || cancelled) && last ? <ConnectionResult check={last} /> : null}
      {(!error || cancelled) && !last && !testing ? (
        <p className="status status-idle" data-testid="connection-result">
          Not tested yet. Testing sends one tiny request (one output token) to Bedrock.
        </p>
      ) : null}
    </div>
  );
}
