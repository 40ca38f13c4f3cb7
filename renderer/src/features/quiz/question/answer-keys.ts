/**
 * The answer keys every question screen shares: A-G (or 1-7) pick an option of a single or
 * multiple-response question (toggling in a multiple one), and Enter checks or moves on. A key
 * belongs to the screen unless the focus is where the key means something else: typing in a text
 * field, a drop-down list (letters choose its entries), a link or button outside the question
 * (Enter presses it), or an open dialog.
 */
import type { Question } from '../../../../../shared/questions';
import type { Response } from '../../../lib/scoring';

/** Which keys pick options: the letters shown on them, and digits for their position. */
export interface OptionKeys {
  /** The option letters a key may pick ("abcdefg"; the exam leaves out F, its flag key). */
  letters: string;
  /** Whether 1-7 pick the first to seventh option (not after checking in review: ratings). */
  digits: boolean;
}

/** The id of the option a key picks (its letter, or its position for a digit), or null. */
export function optionForKey(q: Question, key: string, keys: OptionKeys): string | null {
  if (q.type !== 'single' && q.type !== 'multiple') return null;
  const k = key.toLowerCase();
  if (k.length !== 1) return null;
  if (keys.letters.includes(k)) return q.options.find((o) => o.id === k)?.id ?? null;
  if (keys.digits && k >= '1' && k <= '9') return q.options[Number(k) - 1]?.id ?? null;
  return null;
}

/** The response after picking option `id` (null when that changes nothing). */
export function pickOption(q: Question, r: Response, id: string): Response | null {
  if (q.type === 'single' && r.type === 'single') return { type: 'single', choice: id };
  if (q.type === 'multiple' && r.type === 'multiple') {
    if (r.choices.includes(id))
      return { type: 'multiple', choices: r.choices.filter((c) => c !== id) };
    if (r.choices.length >= q.answers.length) return null;
    return { type: 'multiple', choices: [...r.choices, id] };
  }
  return null;
}

/** The response a key gives (an option picked or toggled), or null when the key is not one. */
export function responseForKey(
  q: Question,
  r: Response,
  key: string,
  keys: OptionKeys,
): Response | null {
  const id = optionForKey(q, key, keys);
  return id === null ? null : pickOption(q, r, id);
}

function inDialog(t: EventTarget | null): boolean {
  return t instanceof Element && t.closest('[role="dialog"], [role="alertdialog"]') !== null;
}

function isTextEntry(t: EventTarget | null): boolean {
  if (t instanceof HTMLTextAreaElement) return true;
  if (t instanceof HTMLInputElement)
    return !['radio', 'checkbox', 'button', 'submit', 'reset'].includes(t.type);
  return t instanceof HTMLElement && t.isContentEditable;
}

/** True when a letter or digit key may pick an option (not typing, not in a list or dialog). */
export function letterIsOurs(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return false;
  const t = e.target;
  if (isTextEntry(t) || t instanceof HTMLSelectElement || inDialog(t)) return false;
  return true;
}

/**
 * True when Enter should check or move on: anywhere but a text field, a dialog, a link, or a
 * button outside the question (those keep their own Enter). Inside the question (an option, a
 * drop-down list, an ordering step's move buttons) Enter checks the answer.
 */
export function enterIsOurs(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return false;
  if (e.defaultPrevented || e.repeat) return false;
  const t = e.target;
  if (isTextEntry(t) || inDialog(t)) return false;
  if (!(t instanceof Element)) return true;
  if (t.closest('a, summary')) return false;
  const button = t.closest('button');
  return button === null || button.closest('fieldset.quiz-question') !== null;
}

/** Practice and review (before checking): every option letter, and digits for positions. */
export const PRACTICE_KEYS: OptionKeys = { letters: 'abcdefg', digits: true };

/**
 * Handles a key press on a question screen: Enter (when it is ours) calls `enter`; before
 * checking, an option key picks or toggles that option and moves the focus to it. Returns true
 * when the key was used.
 */
export function handleAnswerKey(
  e: KeyboardEvent,
  a: {
    q: Question;
    response: Response;
    checked: boolean;
    respond: (r: Response) => void;
    enter: () => void;
    keys?: OptionKeys;
  },
): boolean {
  if (enterIsOurs(e)) {
    e.preventDefault();
    a.enter();
    return true;
  }
  if (a.checked) return false;
  return pickByKey(e, a.q, a.response, a.respond, a.keys ?? PRACTICE_KEYS);
}

/** Picks (or toggles) the option a key names and focuses it; true when the key was used. */
export function pickByKey(
  e: KeyboardEvent,
  q: Question,
  response: Response,
  respond: (r: Response) => void,
  keys: OptionKeys,
): boolean {
  if (!letterIsOurs(e)) return false;
  const id = optionForKey(q, e.key, keys);
  const next = id === null ? null : pickOption(q, response, id);
  if (id === null || next === null) return false;
  e.preventDefault();
  respond(next);
  document
    .querySelector<HTMLInputElement>(`fieldset.quiz-question input[data-option="${id}"]`)
    ?.focus();
  return true;
}
