import { Link } from 'wouter';
import { useSettings } from '../../app/settings-context';
import { useConnectionTest } from '../../app/use-connection-test';
import { ErrorPanel, TestOutcome } from '../../components/ConnectionStatus';

/** Home's Bedrock card: the saved credentials and region, the last check, and Test connection. */
export function ConnectionCard() {
  const { state, loadError } = useSettings();
  const test = useConnectionTest();
  const last = state?.settings.lastConnection ?? null;
  const aws = state?.settings.aws;

  return (
    <section className="card" aria-labelledby="aws-heading">
      <h2 id="aws-heading">Amazon Bedrock</h2>
      <p className="muted">
        Notes, search and the labs work offline. Connecting lets the labs run live experiments on
        Amazon Bedrock with your own AWS account.
      </p>
      {loadError ? <ErrorPanel error={loadError} /> : null}
      {aws ? (
        <dl className="facts">
          <div>
            <dt>Credentials</dt>
            <dd>{aws.profile ? `Profile “${aws.profile}”` : 'Environment / default chain'}</dd>
          </div>
          <div>
            <dt>Region</dt>
            <dd>{aws.region}</dd>
          </div>
        </dl>
      ) : null}
      {state ? <TestOutcome error={test.error} last={last} testing={test.testing} /> : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void test.run()}
          disabled={test.testing || !state}
        >
          {test.testing ? 'Testing…' : 'Test connection'}
        </button>
        {test.testing ? (
          <button type="button" onClick={test.cancel}>
            Cancel
          </button>
        ) : null}
        <Link href="/settings" className="button">
          Settings
        </Link>
      </div>
    </section>
  );
}
