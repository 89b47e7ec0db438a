import { localDate, timeZoneOf } from './time-zone';
import { parseDate, parseInstant } from './validation';

describe('dates', () => {
  it('reads calendar dates that exist', () => {
    expect(parseDate('2026-02-28')).toBe('2026-02-28');
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-3-1')).toBeNull();
  });

  it('reads instants with their offset only', () => {
    expect(parseInstant('2026-03-12T19:30:00+01:00')?.toISOString()).toBe(
      '2026-03-12T18:30:00.000Z',
    );
    expect(parseInstant('2026-03-12T19:30:00')).toBeNull();
    expect(parseInstant('2026-02-30T19:30:00Z')).toBeNull();
  });

  it('dates decisions in the commune time zone', () => {
    expect(timeZoneOf('BE-92094')).toBe('Europe/Brussels');
    expect(timeZoneOf('FR-97411')).toBe('Indian/Reunion');
    expect(localDate(new Date('2026-03-31T22:30:00Z'), 'Europe/Brussels')).toBe('2026-04-01');
  });
});
