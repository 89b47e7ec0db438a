import { lastDayOf, parseDate, parseMonth, readMonthPeriod } from './dates';

describe('parseDate', () => {
  it('returns a date that exists, without surrounding spaces', () => {
    expect(parseDate('2026-05-04')).toBe('2026-05-04');
    expect(parseDate(' 2026-05-04\n')).toBe('2026-05-04');
    expect(parseDate('2026-12-31')).toBe('2026-12-31');
  });

  it('knows leap years', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2000-02-29')).toBe('2000-02-29');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('1900-02-29')).toBeNull();
  });

  it.each([
    ['a 31st in a 30-day month', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-10'],
    ['day 0', '2026-05-00'],
    ['day 32', '2026-01-32'],
    ['unpadded parts', '2026-5-4'],
    ['no separators', '20260504'],
    ['a day-first date', '04-05-2026'],
    ['a timestamp', '2026-05-04T10:00:00Z'],
    ['slashes', '2026/05/04'],
    ['nothing', ''],
  ])('refuses %s', (_why, value) => {
    expect(parseDate(value)).toBeNull();
  });
});

describe('months', () => {
  it('reads a month and its last day', () => {
    expect(parseMonth(' 2026-03 ')).toBe('2026-03');
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2025-12')).toBe('2025-12-31');
  });

  it.each(['2026-13', '2026-00', '2026-3', '2026-03-01', 'mars 2026', ''])(
    'refuses %p',
    (value) => {
      expect(parseMonth(value)).toBeNull();
    },
  );

  it('reads a period of whole months and names each bad end', () => {
    const problems: { field: string; reason: string }[] = [];
    const add = (field: string, reason: string) => problems.push({ field, reason });
    expect(readMonthPeriod({ from: '2025-02', to: '2025-02' }, 'filter.', { add })).toEqual({
      from: '2025-02-01',
      to: '2025-02-28',
    });
    expect(readMonthPeriod(null, 'filter.', { add })).toEqual({ from: null, to: null });
    expect(problems).toEqual([]);
    readMonthPeriod({ from: '2025-13', to: '2025-01' }, 'filter.', { add });
    readMonthPeriod({ from: '2025-03', to: '2025-01' }, '', { add });
    expect(problems.map((p) => p.field)).toEqual(['filter.from', 'to']);
  });
});
