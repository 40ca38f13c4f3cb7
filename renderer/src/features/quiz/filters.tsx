/** Filter fields shared by the quiz views: question types' names, and domain and type pickers. */
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import type { Question } from '../../../../shared/questions';
import { SelectField } from '../../components/choice-fields';

export const TYPE_LABEL: Record<Question['type'], string> = {
  single: 'Multiple choice',
  multiple: 'Multiple response',
  ordering: 'Ordering',
  matching: 'Matching',
};

const DOMAINS = [
  { value: '', label: 'All domains' },
  ...EXAM_GUIDE.domains.map((d) => ({ value: String(d.id), label: `${d.id}. ${d.title}` })),
];

const TYPES = [
  { value: '', label: 'All types' },
  ...Object.entries(TYPE_LABEL).map(([value, label]) => ({ value, label })),
  { value: 'case', label: 'Case study (any type)' },
];

/** Whether `q` is of the picked type: '' is any, 'case' a question of a case study. */
export function matchesType(q: Question, type: string): boolean {
  if (!type) return true;
  return type === 'case' ? q.caseId !== undefined : q.type === type;
}

/** A labelled domain picker; '' means all domains. */
export function DomainFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (domain: string) => void;
}) {
  return <SelectField label="Domain" value={value} options={DOMAINS} onChange={onChange} />;
}

/** A labelled question-type picker; '' means all types. */
export function TypeFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (type: string) => void;
}) {
  return <SelectField label="Type" value={value} options={TYPES} onChange={onChange} />;
}
