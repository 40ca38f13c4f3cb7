/**
 * The cost cell of a control-plane call (or of a row of only such calls): "n/a", and why. For
 * requests to the learner's S3 bucket, a short visible note says who bills them.
 */
import { CONTROL_PLANE_COST, S3_COST } from './log-labels';

export function NotApplicableCost({ s3 = false }: { s3?: boolean }) {
  const why = s3 ? S3_COST : CONTROL_PLANE_COST;
  return (
    <span title={why}>
      n/a<span className="sr-only">: {why}</span>
      {s3 ? (
        <span className="muted small log-s3-cost" aria-hidden="true">
          billed by Amazon S3
        </span>
      ) : null}
    </span>
  );
}
