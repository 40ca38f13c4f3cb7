/** The builder's problems, looked up by the definition path a field edits. */
import type { GuardrailProblem } from '../../../../../shared/guardrail-builder';

/** The first error (else warning) at exactly `path`, or at a path under it when `under`. */
export function problemAt(
  problems: readonly GuardrailProblem[],
  path: string,
  under = false,
): string | null {
  const hits = problems.filter(
    (p) =>
      p.path === path ||
      (under && (p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`))),
  );
  const first = hits.find((p) => p.severity === 'error') ?? hits[0];
  return first ? first.message : null;
}
