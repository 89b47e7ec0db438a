import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { SCHEMA_DIR } from '@communes/schema';
import { networkHealth } from './network-health';

const api = buildSchema(readFileSync(join(SCHEMA_DIR, 'api', 'api.graphql'), 'utf8'));

describe('network-health', () => {
  it('asks the hub API a valid question', () => {
    expect(validate(api, parse(networkHealth.source.query))).toEqual([]);
  });

  it('gives one row per subgraph, up as 1 or 0, with its latency', () => {
    const rows = networkHealth.source.rows(
      {
        commune: {
          health: [
            { subgraph: 'directory', status: 'UP', latencyMs: 12 },
            { subgraph: 'components', status: 'DOWN', latencyMs: null },
          ],
        },
      },
      'BE-92094',
    );
    expect(rows).toEqual([
      { commune: 'BE-92094', subgraph: 'directory', up: 1, latencyMs: 12 },
      { commune: 'BE-92094', subgraph: 'components', up: 0, latencyMs: null },
    ]);
  });

  it('gives no rows for a commune the registry does not know', () => {
    expect(networkHealth.source.rows({ commune: null }, 'BE-92094')).toEqual([]);
  });
});
