/**
 * The items a run refused (never stored): each with its stem, the reasons as plain sentences a
 * learner understands (./reasons), and the checks' own wording in a "Technical detail" disclosure.
 */
import { plural } from '../../../lib/format';
import type { Rejection } from '../generation-store';
import { plainReasons } from './reasons';
import './reasons.css';

export function Rejections({ rejections }: { rejections: readonly Rejection[] }) {
  if (rejections.length === 0) return null;
  return (
    <details open className="gen-rejections" data-testid="gen-rejections">
      <summary>{plural(rejections.length, 'item')} rejected (never stored)</summary>
      <ul>
        {rejections.map((r, i) => (
          <li key={i} data-testid="gen-rejection">
            <span className="gen-rejected-stem">{r.stem ?? '(no readable question)'}</span>
            <ul className="gen-reason-list">
              {plainReasons(r.reasons).map((sentence, j) => (
                <li key={j}>{sentence}</li>
              ))}
            </ul>
            <details className="gen-reason-detail">
              <summary>Technical detail</summary>
              <ul className="small">
                {r.reasons.map((reason, j) => (
                  <li key={j}>
                    <code>{reason}</code>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </details>
  );
}
