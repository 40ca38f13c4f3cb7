/**
 * Scoring a learner's response to a practice question. All-or-nothing, as on the real exam: a
 * multiple-response item needs exactly the right set, an ordering item the whole order, a
 * matching item every pair.
 */
import type { Question } from '../../../shared/questions';

export type Response =
  | { type: 'single'; choice: string | null }
  | { type: 'multiple'; choices: string[] }
  | { type: 'ordering'; order: string[] }
  | { type: 'matching'; pairs: Record<string, string> };

export function emptyResponse(q: Question): Response {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: null };
    case 'multiple':
      return { type: 'multiple', choices: [] };
    case 'ordering':
      return { type: 'ordering', order: q.items.map((i) => i.id) };
    case 'matching':
      return { type: 'matching', pairs: {} };
  }
}

/** True when the learner has given a complete answer (every blank filled). */
export function isComplete(q: Question, r: Response): boolean {
  if (q.type === 'single' && r.type === 'single') return r.choice !== null;
  if (q.type === 'multiple' && r.type === 'multiple') return r.choices.length === q.answers.length;
  if (q.type === 'ordering' && r.type === 'ordering') return r.order.length === q.items.length;
  if (q.type === 'matching' && r.type === 'matching')
    return q.prompts.every((p) => Boolean(r.pairs[p.id]));
  return false;
}

export function isCorrect(q: Question, r: Response): boolean {
  if (q.type === 'single' && r.type === 'single') return r.choice === q.answer;
  if (q.type === 'multiple' && r.type === 'multiple') {
    return r.choices.length === q.answers.length && q.answers.every((a) => r.choices.includes(a));
  }
  if (q.type === 'ordering' && r.type === 'ordering') {
    return r.order.length === q.answer.length && q.answer.every((id, i) => r.order[i] === id);
  }
  if (q.type === 'matching' && r.type === 'matching') {
    return q.prompts.every((p) => r.pairs[p.id] === q.answer[p.id]);
  }
  return false;
}

/** Moves an ordering step up (-1) or down (+1), keeping the others in place. */
export function move(order: readonly string[], id: string, by: -1 | 1): string[] {
  const i = order.indexOf(id);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return [...order];
  const next = [...order];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}
