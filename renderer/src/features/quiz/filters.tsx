/** Filter fields shared by the quiz views: question types' names, and domain and type pickers. */
import { useId } from 'react';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import type { Question } from '../../../../shared/questions';

export const TYPE_LABEL: Record<Question['type'], string> = {
  single: 'Multiple choice',
  multiple: 'Multiple response',
  ordering: 'Ordering',
  matching: 'Matching',
};

/** A labelled domain picker; '' means all domains. */
export function DomainFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (domain: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Domain</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All domains</option>
        {EXAM_GUIDE.domains.map((d) => (
          <option key={d.id} value={d.id}>
            {d.id}. {d.title}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled question-type picker; '' means all types. */
export function TypeFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (type: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Type</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All types</option>
        {Object.entries(TYPE_LABEL).map(([type, label]) => (
          <option key={type} value={type}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}
