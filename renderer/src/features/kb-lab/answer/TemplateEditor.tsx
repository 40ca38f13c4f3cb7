/** The prompt template, visible and editable: $search_results$ is where the sources go. */
import { useId } from 'react';
import {
  DEFAULT_GROUNDED_TEMPLATE,
  SEARCH_RESULTS,
  templateProblems,
} from '../../../lib/rag/grounded-prompt';

export function TemplateEditor({
  template,
  onChange,
}: {
  template: string;
  onChange: (template: string) => void;
}) {
  const id = useId();
  const hint = useId();
  const problems = templateProblems(template);
  return (
    <details className="template-editor">
      <summary>Prompt template (edit it and ask again)</summary>
      <div className="field">
        <label htmlFor={id}>Template (sent as the system prompt)</label>
        <textarea
          id={id}
          rows={9}
          value={template}
          spellCheck={false}
          aria-describedby={hint}
          aria-invalid={problems.length > 0 ? true : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        <p id={hint} className={problems.length > 0 ? 'hint field-problem' : 'hint'}>
          {problems.length > 0
            ? problems.join(' ')
            : `${SEARCH_RESULTS} becomes the numbered sources [1]..[n]; the question is the user message. A Bedrock knowledge base's generation prompt uses the same placeholder.`}
        </p>
      </div>
      <button
        type="button"
        disabled={template === DEFAULT_GROUNDED_TEMPLATE}
        onClick={() => onChange(DEFAULT_GROUNDED_TEMPLATE)}
      >
        Reset the template
      </button>
    </details>
  );
}
