/** Words for a question's history: what was answered, where, and the FSRS state of its card. */
import type { Question } from '../../../../../shared/questions';
import type { Attempt, StoredResponse } from '../../../db/schema';
import { RATING_LABEL, type Grade } from '../../../lib/review';

const STATE = ['New', 'Learning', 'Review', 'Relearning'] as const;
export const stateName = (state: number) => STATE[state] ?? 'Unknown';

export function modeText(a: Attempt): string {
  if (a.mode === 'review')
    return a.rating ? `Spaced review (${RATING_LABEL[a.rating as Grade]})` : 'Spaced review';
  if (a.mode === 'exam') return 'Mock exam';
  return 'Quick practice';
}

/** The answer given, as option letters or steps ("—" when it was not recorded, before v9). */
export function responseText(q: Question, r: StoredResponse | undefined): string {
  if (!r) return '—';
  const letter = (id: string) => id.toUpperCase();
  if (r.type === 'single') return r.choice ? letter(r.choice) : 'No answer';
  if (r.type === 'multiple')
    return r.choices.length ? r.choices.map(letter).join(', ') : 'No answer';
  if (r.type === 'ordering' && q.type === 'ordering') {
    const pos = new Map(q.items.map((it, i) => [it.id, i + 1]));
    return r.order.map((id) => `step ${pos.get(id) ?? '?'}`).join(' → ');
  }
  if (r.type === 'matching' && q.type === 'matching') {
    const choice = new Map(q.choices.map((c, i) => [c.id, i + 1]));
    return q.prompts
      .map((p, i) => `${i + 1}→${r.pairs[p.id] ? String(choice.get(r.pairs[p.id]!) ?? '?') : '–'}`)
      .join(', ');
  }
  return '—';
}
