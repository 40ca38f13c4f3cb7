/**
 * A case-study question beside its scenario: on a wide window the scenario sits to the left (and
 * stays in view while the question scrolls), on a narrow one above. A question without a case is
 * shown as it is. The case may be a bank case or one of the learner's own (./learner-cases.ts).
 */
import type { ReactNode } from 'react';
import { findCase } from './bank';
import { useLearnerCases } from './learner-cases';
import './case-layout.css';

export function CaseLayout({ caseId, children }: { caseId?: string; children: ReactNode }) {
  // Re-renders when the learner's cases change (an edited scenario shows at once).
  useLearnerCases();
  const c = caseId ? findCase(caseId) : undefined;
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
