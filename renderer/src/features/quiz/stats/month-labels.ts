/**
 * Which calendar columns carry a month label. A column is labelled with the month whose 1st day
 * it holds, so the month that holds today is labelled even when its 1st falls mid-week (the
 * column's Monday still in the month before: "Dec" over the week of Mon 30 Nov); the first
 * column names its own month unless the next label is too close to fit beside it.
 */
import type { DayKey } from '../../../lib/stats';

/** Columns a label needs so that two short month names do not overlap. */
const LABEL_COLUMNS = 3;

export function monthLabels(
  weeks: readonly (readonly { date: DayKey; future: boolean }[])[],
): Map<number, DayKey> {
  const labels = new Map<number, DayKey>();
  weeks.forEach((column, w) => {
    const first = column.find((cell) => cell.date.endsWith('-01') && !cell.future);
    if (first) labels.set(w, first.date);
  });
  const start = weeks[0]?.[0];
  const next = [...labels.keys()].find((w) => w > 0) ?? Infinity;
  if (start && !labels.has(0) && next >= LABEL_COLUMNS) labels.set(0, start.date);
  return labels;
}
