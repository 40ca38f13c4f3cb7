/** The cost cell of a control-plane call (or of a row of only such calls): "n/a", and why. */
import { CONTROL_PLANE_COST } from './log-labels';

export function NotApplicableCost() {
  return (
    <span title={CONTROL_PLANE_COST}>
      n/a<span className="sr-only">: {CONTROL_PLANE_COST}</span>
    </span>
  );
}
