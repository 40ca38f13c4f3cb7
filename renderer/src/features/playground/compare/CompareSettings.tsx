/** Compare's settings card: the columns, the words to send, the estimate and the run buttons. */
import type { Dispatch } from 'react';
import { Link } from 'wouter';
import type { ModelOption } from '../../../../../shared/models';
import { plural } from '../../../lib/format';
import { type ColumnSpec, type CompareForm, type FormAction } from './compare-form';
import { CompareColumnsSetup } from './CompareColumnsSetup';
import { CompareEstimate } from './CompareEstimate';
import { CompareOptions } from './CompareOptions';
import { ComparePrompt } from './ComparePrompt';

export function CompareSettings({
  form,
  dispatch,
  columns,
  options,
  running,
  problem,
  onRun,
  onStop,
}: {
  form: CompareForm;
  dispatch: Dispatch<FormAction>;
  columns: readonly ColumnSpec[];
  options: readonly ModelOption[];
  running: boolean;
  /** Why Run is disabled; null when it is not. */
  problem: string | null;
  onRun: (runsPerColumn: number) => void;
  onStop: () => void;
}) {
  const blocked = running || problem !== null;
  return (
    <section className="card compare-setup" aria-label="Compare settings">
      <p className="muted small">
        One prompt, sent to every column at the same time through ConverseStream. Each call uses
        your AWS account and costs a little (<Link href="/settings">Settings</Link>); every call is
        recorded in the <Link href="/playground/log">invocation log</Link>.
      </p>
      <CompareOptions form={form} dispatch={dispatch} running={running} />
      <CompareColumnsSetup form={form} dispatch={dispatch} options={options} running={running} />
      <ComparePrompt form={form} dispatch={dispatch} running={running} onRunOnce={() => onRun(1)} />
      <CompareEstimate form={form} columns={columns} />
      {problem ? <p className="field-error">{problem}</p> : null}
      <div className="actions">
        <button type="button" className="primary" disabled={blocked} onClick={() => onRun(1)}>
          Run
        </button>
        <button type="button" disabled={blocked} onClick={() => onRun(form.repeats)}>
          Run {plural(form.repeats, 'time')}
        </button>
        <button type="button" disabled={!running} onClick={onStop}>
          Stop all
        </button>
      </div>
    </section>
  );
}
