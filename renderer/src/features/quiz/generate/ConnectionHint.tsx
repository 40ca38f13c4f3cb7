/** A warning above the Generate settings while the Bedrock connection is untested or failing. */
import { Link } from 'wouter';
import { useSettings } from '../../../app/settings-context';

export function ConnectionHint() {
  const { state } = useSettings();
  const last = state?.settings.lastConnection ?? null;
  if (last?.ok) return null;
  return (
    <div className="status status-warn small" data-testid="connection-hint">
      <div>
        <strong>
          {last ? 'The last Bedrock connection test failed.' : 'Bedrock connection not tested yet.'}
        </strong>
        <p>
          Generation calls Amazon Bedrock with your AWS account.{' '}
          {last ? `Last result: ${last.message} ` : ''}Set up a profile and region and test the
          connection in <Link href="/settings">Settings</Link> first.
        </p>
      </div>
    </div>
  );
}
