/**
 * What a number field does with what was typed: a value inside its range is taken as it is; any
 * other value is brought into range and the learner is told so, never silently ("50 is the most;
 * using 50"). Pure, so the rule is tested once and every field in the app shares it.
 */
export interface Bounds {
  min: number;
  max: number;
  /** Whole numbers only (a count, a seed); otherwise any number in range (a temperature). */
  integer?: boolean;
  /** Shown after the number in messages: "s", " tokens". */
  unit?: string;
}

export interface Bounded {
  /** The value to use. */
  value: number;
  /** Why it differs from what was typed; null when what was typed is used as it is. */
  message: string | null;
}

const show = (n: number, unit = '') =>
  `${n.toLocaleString('en-US', { maximumFractionDigits: 6 })}${unit}`;

/**
 * Reads `text` as a number within `bounds`. `current` is kept when the text is not a number at
 * all (an empty field while typing), with a message saying so.
 */
export function boundNumber(text: string, bounds: Bounds, current: number): Bounded {
  const { min, max, integer = false, unit } = bounds;
  const trimmed = text.trim();
  const n = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(n)) {
    const range = `${show(min, unit)} to ${show(max, unit)}`;
    return {
      value: current,
      message: `Enter a number from ${range}; still using ${show(current, unit)}.`,
    };
  }
  if (n > max)
    return { value: max, message: `${show(max, unit)} is the most; using ${show(max, unit)}.` };
  if (n < min)
    return { value: min, message: `${show(min, unit)} is the least; using ${show(min, unit)}.` };
  if (integer && !Number.isInteger(n)) {
    const rounded = Math.min(max, Math.max(min, Math.round(n)));
    return { value: rounded, message: `Whole numbers only; using ${show(rounded, unit)}.` };
  }
  return { value: n, message: null };
}
