/** How the invocation log relates to Amazon CloudWatch's Bedrock metrics and to model invocation logging. */
export function CloudWatchNote() {
  return (
    <section className="card" aria-labelledby="cloudwatch-h">
      <h2 id="cloudwatch-h">How this compares with Amazon CloudWatch</h2>
      <p className="small">
        Amazon Bedrock publishes runtime metrics to Amazon CloudWatch in the{' '}
        <code>AWS/Bedrock</code> namespace, which you can view per model id:{' '}
        <code>Invocations</code>, <code>InvocationLatency</code>, <code>InputTokenCount</code>,{' '}
        <code>OutputTokenCount</code>, <code>InvocationThrottles</code>,{' '}
        <code>InvocationClientErrors</code> and <code>InvocationServerErrors</code> (and{' '}
        <code>OutputImageCount</code> for image models). This page is the same idea, on this
        computer: calls, latency, tokens and errors per model and per day.
      </p>
      <ul className="small">
        <li>
          CloudWatch counts every caller in your account and region; this page counts only the calls
          Stratum made, measured in the app (so its latency includes the network between you and
          AWS).
        </li>
        <li>
          Error codes here are the app’s own: <code>throttled</code> corresponds to a throttle,
          codes such as <code>validation</code> or <code>access_denied</code> to client errors, and{' '}
          <code>service_unavailable</code> or <code>model_error</code> to server errors.
        </li>
        <li>
          Costs here are estimates from list prices. Your bill and AWS Cost Explorer show what you
          were actually charged, and AWS Budgets can alert you on those figures.
        </li>
        <li>
          <strong>Model invocation logging</strong> is a separate, opt-in Bedrock setting for your
          account and region (Bedrock console, Settings). When you turn it on, Bedrock writes the
          requests and responses themselves to CloudWatch Logs and/or Amazon S3. Stratum’s log never
          keeps prompts, replies or credentials: only the figures above.
        </li>
      </ul>
    </section>
  );
}
