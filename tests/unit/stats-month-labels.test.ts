import { describe, expect, it } from 'vitest';
import { monthLabels } from '../../renderer/src/features/quiz/stats/month-labels';

/** Calendar columns of 7 days from a Monday, the last ones after `today` marked future. */
function weeks(from: string, count: number, today: string) {
  const start = new Date(`${from}T12:00:00Z`);
  return Array.from({ length: count }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => {
      const day = new Date(start.getTime() + (w * 7 + d) * 86_400_000);
      const date = day.toISOString().slice(0, 10);
      return { date, future: date > today };
    }),
  );
}

describe('calendar month labels', () => {
  it('labels December when its 1st falls mid-week in the last column (the year edge)', () => {
    // 26 weeks ending with Mon 30 Nov - Sun 6 Dec 2026, today Fri 4 Dec.
    const labels = monthLabels(weeks('2026-06-08', 26, '2026-12-04'));
    expect(labels.get(25)).toBe('2026-12-01');
    expect([...labels.values()].map((d) => d.slice(0, 7)).sort()).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });

  it('labels January across the turn of the year', () => {
    const labels = monthLabels(weeks('2026-10-05', 14, '2027-01-08'));
    expect([...labels.values()]).toContain('2027-01-01');
  });

  it('does not label a month whose 1st is still to come', () => {
    const labels = monthLabels(weeks('2026-06-01', 26, '2026-11-28'));
    expect([...labels.values()]).not.toContain('2026-12-01');
  });

  it('drops the first column label when the next one is too close', () => {
    // Starts Mon 22 Jun: July's 1st is in column 1.
    const labels = monthLabels(weeks('2026-06-22', 10, '2026-08-30'));
    expect(labels.has(0)).toBe(false);
    expect(labels.get(1)).toBe('2026-07-01');
  });
});
