/**
 * A warning above the Generate settings while the Bedrock connection is untested or failing. It
 * goes once a connection test passes, or once a generation call in this window came back through
 * the connection now set (a call that works proves the connection as well as a test does).
 */
import { Link } from 'wouter';
import { useSettings } from '../../../app/settings-context';
import { connectionKey, useBedrockReachedWith } from '../generation-store';

export function ConnectionHint() {
  const { state } = useSettings();
  const reached = useBedrockReachedWith();
  const last = state?.settings.lastConnection ?? null;
  if (last?.ok) return null;
  if (state && reached !== null && reached === connectionKey(state.settings.aws)) return null;
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
