/**
 * A case-study question beside its scenario: on a wide window the scenario sits to the left (and
 * stays in view while the question scrolls), on a narrow one above. A question without a case is
 * shown as it is.
 */
import type { ReactNode } from 'react';
import { CASES } from './bank';
import './case-layout.css';

export function CaseLayout({ caseId, children }: { caseId?: string; children: ReactNode }) {
  const c = caseId ? CASES.get(caseId) : undefined;
  if (!c) return <>{children}</>;
  return (
    <div className="case-layout">
      <aside
        className="case-scenario"
        aria-label={`Case study: ${c.title}`}
        data-testid="case-scenario"
      >
        <p className="case-kicker">Case study</p>
        <h3>{c.title}</h3>
        {c.scenario.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </aside>
      <div className="case-question">{children}</div>
    </div>
  );
}
