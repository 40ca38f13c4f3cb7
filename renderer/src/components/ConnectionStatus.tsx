/** Shows a connection check (or an error) the same way on Home and in Settings. */
import type { AppError } from '../../../shared/result';
import type { ConnectionCheck } from '../../../shared/settings';
import { Icon } from './Icon';

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
};

export function errorTitle(code: string): string {
  return TITLES[code] ?? 'Connection failed';
}

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
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
            <strong data-testid="latency">{check.latencyMs} ms</strong>
            {check.profile
              ? ` using profile “${check.profile}”`
              : ' using the default credential chain'}
            .
          </p>
          <p className="muted">Checked {when(check.at)}</p>
        </div>
      </div>
    );
  }
  return (
    <ErrorPanel
      error={{ code: check.code, message: check.message, remedy: check.remedy }}
      footer={`Checked ${when(check.at)} with ${check.modelId} in ${check.region}`}
    />
  );
}

export function ErrorPanel({
  error,
  footer,
}: {
  error: Pick<AppError, 'message' | 'remedy'> & { code: string };
  footer?: string;
}) {
  return (
    <div className="status status-error" role="alert" data-testid="connection-result">
      <Icon name="alert" />
      <div>
        <strong>{errorTitle(error.code)}</strong>
        <p>{error.message}</p>
        {error.remedy ? (
          <p className="remedy">
            <span className="remedy-label">What to do: </span>
            {error.remedy}
          </p>
        ) : null}
        {footer ? <p className="muted">{footer}</p> : null}
      </div>
    </div>
  );
}
