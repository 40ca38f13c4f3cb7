/**
 * Lets a part deep in the evaluation lab open another of its tabs (an empty state's "Runs and
 * metrics" link): EvalLab provides its tab setter; outside the lab the call does nothing.
 */
import { createContext, useContext } from 'react';

export type EvalView = 'datasets' | 'runs' | 'judge' | 'human' | 'jobs';

export const OpenEvalViewContext = createContext<(view: EvalView) => void>(() => undefined);

/** Opens `view` and puts the focus on its tab, where the keyboard user continues. */
export function useOpenEvalView(): (view: EvalView) => void {
  const open = useContext(OpenEvalViewContext);
  return (view) => {
    open(view);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`.eval-lab [role="tab"][data-tab="${view}"]`)?.focus(),
    );
  };
}
