import { parseDate } from './dates';

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
