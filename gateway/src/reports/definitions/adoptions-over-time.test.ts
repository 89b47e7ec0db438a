import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { SCHEMA_DIR } from '@communes/schema';
import { adoptionsOverTime } from './adoptions-over-time';

const api = buildSchema(readFileSync(join(SCHEMA_DIR, 'api', 'api.graphql'), 'utf8'));

describe('adoptions-over-time', () => {
  it('asks the hub API a valid question', () => {
    expect(validate(api, parse(adoptionsOverTime.source.query))).toEqual([]);
  });

  it('counts adoptions by the month they began', () => {
    const node = (since: string) => ({ node: { since } });
    const rows = adoptionsOverTime.source.rows(
      { adoptions: { edges: [node('2025-09-01'), node('2025-09-30'), node('2026-01-15')] } },
      'FR-59350',
    );
    expect(rows).toEqual([
      { commune: 'FR-59350', month: '2025-09', adoptions: 2 },
      { commune: 'FR-59350', month: '2026-01', adoptions: 1 },
    ]);
  });

  it('filters on its month dimension', () => {
    expect(adoptionsOverTime.periodDimension).toBe('month');
  });
});
