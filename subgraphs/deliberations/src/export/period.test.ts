import { parseExportPeriod } from './period';

describe('parseExportPeriod', () => {
  it('reads an inclusive period of ISO dates', () => {
    expect(parseExportPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(parseExportPeriod({ from: '2024-02-29', to: '2024-02-29' })).toEqual({
      from: '2024-02-29',
      to: '2024-02-29',
    });
  });

  it('names every missing or malformed date at once', () => {
    expect(parseExportPeriod({})).toEqual([
      { field: 'from', reason: 'is required (YYYY-MM-DD)' },
      { field: 'to', reason: 'is required (YYYY-MM-DD)' },
    ]);
    expect(parseExportPeriod({ from: '2025-02-29', to: '2025-1-31' })).toEqual([
      { field: 'from', reason: 'must be an ISO 8601 calendar date (YYYY-MM-DD)' },
      { field: 'to', reason: 'must be an ISO 8601 calendar date (YYYY-MM-DD)' },
    ]);
    expect(parseExportPeriod({ from: ['2025-01-01', '2025-02-01'], to: '' })).toEqual([
      { field: 'from', reason: 'must be given once' },
      { field: 'to', reason: 'is required (YYYY-MM-DD)' },
    ]);
    for (const bad of [
      '2025-13-01',
      '2025-04-31',
      '2025-01-01T00:00:00Z',
      ' 2025-01-01',
      '20250101',
    ]) {
      expect(parseExportPeriod({ from: bad, to: '2025-12-31' })).toEqual([
        { field: 'from', reason: 'must be an ISO 8601 calendar date (YYYY-MM-DD)' },
      ]);
    }
  });

  it('refuses a period that ends before it starts', () => {
    expect(parseExportPeriod({ from: '2025-03-02', to: '2025-03-01' })).toEqual([
      { field: 'to', reason: 'must not be before from (2025-03-02)' },
    ]);
  });

  it('allows five years, not a day more', () => {
    expect(parseExportPeriod({ from: '2021-01-01', to: '2025-12-31' })).toEqual({
      from: '2021-01-01',
      to: '2025-12-31',
    });
    expect(parseExportPeriod({ from: '2021-01-01', to: '2026-01-01' })).toEqual([
      {
        field: 'to',
        reason: 'the period may span at most 5 years: to must be before 2026-01-01',
      },
    ]);
    // 29 February plus five years is 1 March: the period ends on the last day of February.
    expect(parseExportPeriod({ from: '2024-02-29', to: '2029-02-28' })).not.toBeInstanceOf(Array);
    expect(parseExportPeriod({ from: '2024-02-29', to: '2029-03-01' })).toBeInstanceOf(Array);
  });
});
