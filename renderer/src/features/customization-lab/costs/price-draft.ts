/**
 * The Costs tab's price box, as data: what the learner typed, the price it stands for, and what
 * the box shows when the store's price changes from outside (see PriceField).
 */

/** What the learner typed, the price it stands for (null: empty or not a price) and why not. */
export interface PriceDraft {
  text: string;
  value: number | null;
  problem: string | null;
}

const NOT_A_PRICE =
  'Enter a price of 0 or more in US dollars, such as 0.0035; not used until then.';

/** A draft for typed text: its price, or null with the problem ("" and "$" alone are empty). */
export function typedPrice(text: string): PriceDraft {
  const trimmed = text.trim().replace(/^\$/, '');
  const n = Number(trimmed);
  if (trimmed === '') return { text, value: null, problem: null };
  if (!Number.isFinite(n) || n < 0) return { text, value: null, problem: NOT_A_PRICE };
  return { text, value: n, problem: null };
}

/** The draft to show for the store's `value`: the typed one while it still stands for it. */
export function shownDraft(draft: PriceDraft, value: number | null): PriceDraft {
  if (draft.value === value) return draft;
  return { text: value === null ? '' : String(value), value, problem: null };
}
