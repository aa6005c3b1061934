import { isoWeekOf, parsePeriod, periodsBetween } from '../domain/periods';
import { Frequency } from '../entities/enums';

describe('reporting periods', () => {
  it('labels ISO weeks, including weeks that belong to the neighbouring year', () => {
    expect(isoWeekOf('2023-12-06')).toEqual({ period: '2023-W49', periodStart: '2023-12-04', periodEnd: '2023-12-10' });
    expect(isoWeekOf('2021-01-03').period).toBe('2020-W53');
    expect(isoWeekOf('2024-12-30').period).toBe('2025-W01');
  });

  it('parses every label it writes back to the same period', () => {
    for (const label of ['2023-W49', '2020-W53', '2023-12', '2024-02', '2023-Q4', '2023']) {
      const p = parsePeriod(label)!;
      expect(p.period).toBe(label);
      expect(p.periodStart <= p.periodEnd).toBe(true);
    }
    expect(parsePeriod('2024-02')!.periodEnd).toBe('2024-02-29');
    expect(parsePeriod('2023-Q4')).toMatchObject({ periodStart: '2023-10-01', periodEnd: '2023-12-31' });
    expect(parsePeriod('2023-W53')).toBeUndefined();
    expect(parsePeriod('2023-13')).toBeUndefined();
  });

  it('lists only whole periods inside the window, back to back', () => {
    const weeks = periodsBetween(Frequency.WEEKLY, '2022-01-01', '2024-09-30');
    expect(weeks[0].period).toBe('2022-W01');
    expect(weeks[weeks.length - 1].period).toBe('2024-W39');
    const months = periodsBetween(Frequency.MONTHLY, '2022-01-01', '2024-09-30');
    expect(months.map((m) => m.period)).toHaveLength(33);
    expect(periodsBetween(Frequency.QUARTERLY, '2022-01-01', '2024-09-30').at(-1)!.period).toBe('2024-Q3');
    expect(periodsBetween(Frequency.YEARLY, '2022-01-01', '2024-09-30').map((y) => y.period)).toEqual(['2022', '2023']);
    for (const list of [weeks, months]) {
      for (let i = 1; i < list.length; i += 1) {
        const next = new Date(`${list[i - 1].periodEnd}T00:00:00Z`).getTime() + 86_400_000;
        expect(new Date(`${list[i].periodStart}T00:00:00Z`).getTime()).toBe(next);
      }
    }
  });
});
