import { useId } from 'react';

/**
 * An optional endpoint (a VPC endpoint or a proxy). Main allows cleartext http:// only for
 * loopback addresses; its message shows by the field.
 */
export function EndpointField({
  value,
  onChange,
  error,
  fromEnvironment,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  /** The environment sets the endpoint (AWS_ENDPOINT_URL_BEDROCK_RUNTIME). */
  fromEnvironment: boolean;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>
        Custom endpoint <span className="muted">(optional)</span>
      </label>
      <input
        id={id}
        value={value}
        placeholder="https://bedrock-runtime.us-east-1.amazonaws.com"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <p className="hint">
        Leave empty to use AWS&apos;s endpoint for the region
        {fromEnvironment ? (
          <>
            {' '}
            (currently overridden by <code>AWS_ENDPOINT_URL_BEDROCK_RUNTIME</code> in the
            environment)
          </>
        ) : null}
        . Useful for a VPC endpoint (AWS PrivateLink) or a proxy. Use <code>https://</code>;{' '}
        <code>http://</code> is accepted only for this computer (<code>localhost</code>,{' '}
        <code>127.0.0.1</code>, <code>[::1]</code>).
      </p>
    </div>
  );
}
