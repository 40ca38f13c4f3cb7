/**
 * The one set of formatters every screen uses for money, counts, dates, times and durations, so
 * the same quantity reads the same everywhere. Pure (Intl only): no DOM, no React.
 *
 * Money never uses exponent notation: a Bedrock call often costs a fraction of a cent, so small
 * amounts keep up to six decimals ("$0.00096"), and anything smaller than a millionth of a
 * dollar reads "< $0.000001".
 */

/** The smallest amount shown as a number; anything below (but above 0) reads "< $0.000001". */
const SMALLEST_USD = 0.000001;

/**
 * A dollar amount: at most two decimals from $1, four below $1 and six below a cent (trailing
 * zeros past the cents dropped: "$0.035", "$0.50"); never 9.6e-7.
 */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '–';
  if (usd === 0) return '$0.00';
  const sign = usd < 0 ? '-' : '';
  const abs = Math.abs(usd);
  if (abs < SMALLEST_USD) return `${sign === '-' ? '> -' : '< '}$${SMALLEST_USD.toFixed(6)}`;
  const decimals = abs >= 1 ? 2 : abs >= 0.01 ? 4 : 6;
  const text = abs.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: decimals,
  });
  return `${sign}$${text}`;
}

/** A money amount that may be unknown (a model without a list price). */
export function formatUsdOrUnknown(usd: number | null | undefined, unknown = 'unknown'): string {
  return usd === null || usd === undefined ? unknown : formatUsd(usd);
}

/** A whole count with thousands separators: 12,345. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * "1 sample", "3 samples", "1,000 draws". Give the plural when it is not the singular plus "s"
 * ("1 query", "2 queries").
 */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

/** A share as a percentage: 0.4213 -> "42.1%" (digits after the point: 1 by default). */
export function formatPercent(share: number, digits = 1): string {
  if (!Number.isFinite(share)) return '–';
  return `${(share * 100).toFixed(digits)}%`;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const timeSecondsFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

type When = string | number | Date;
/** A calendar day written as YYYY-MM-DD is that day where the learner is, not UTC midnight. */
const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const asDate = (when: When): Date => {
  if (when instanceof Date) return when;
  const day = typeof when === 'string' ? DAY_ONLY.exec(when) : null;
  if (day) return new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  return new Date(when);
};
const valid = (d: Date) => !Number.isNaN(d.getTime());

/** A calendar day in the learner's locale: "4 Dec 2026". */
export function formatDate(when: When): string {
  const d = asDate(when);
  return valid(d) ? dateFormat.format(d) : '–';
}

/** A day and a time in the learner's locale: "4 Dec 2026, 09:15". */
export function formatDateTime(when: When): string {
  const d = asDate(when);
  return valid(d) ? dateTimeFormat.format(d) : '–';
}

/** A time of day: "09:15", or "09:15:42" with seconds (for a log of calls seconds apart). */
export function formatTime(when: When, { seconds = false } = {}): string {
  const d = asDate(when);
  return valid(d) ? (seconds ? timeSecondsFormat : timeFormat).format(d) : '–';
}

/**
 * A duration for people: "340 ms" below 10 s, "12.4 s" below a minute, "3 min 05 s" below an
 * hour, "2 h 07 min" above. Null (nothing measured) reads "–".
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1000);
  if (totalSeconds < 3600) {
    const m = Math.floor(totalSeconds / 60);
    return `${m} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
  }
  const totalMinutes = Math.round(ms / 60_000);
  const h = Math.floor(totalMinutes / 60);
  return `${h} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}
