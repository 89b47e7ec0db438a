import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { SCHEMA_DIR } from '@communes/schema';
import { adoptionMatrix, releasesBehind } from './adoption-matrix';

const api = buildSchema(readFileSync(join(SCHEMA_DIR, 'api', 'api.graphql'), 'utf8'));

describe('adoption-matrix', () => {
  it('asks the hub API valid questions, the catalogue once per run', () => {
    expect(validate(api, parse(adoptionMatrix.source.query))).toEqual([]);
    expect(validate(api, parse(adoptionMatrix.source.networkQuery!.query))).toEqual([]);
  });

  it('gives one row per adoption, with the latest published version and the releases behind', () => {
    const rows = adoptionMatrix.source.rows(
      {
        adoptions: {
          edges: [
            {
              node: {
                componentUrl: 'https://code.example/agenda',
                componentName: 'Agenda',
                version: '1.1',
                status: 'IN_PRODUCTION',
              },
            },
            {
              node: {
                componentUrl: 'https://elsewhere.example/wiki',
                componentName: 'Wiki',
                version: null,
                status: 'EVALUATING',
              },
            },
          ],
        },
      },
      'BE-92094',
      {
        edges: [
          {
            node: {
              url: 'https://code.example/agenda',
              softwareVersion: '2.0',
              releases: [
                { softwareVersion: '2.0' },
                { softwareVersion: '1.2' },
                { softwareVersion: '1.1' },
              ],
            },
          },
        ],
      },
    );
    expect(rows).toEqual([
      {
        commune: 'BE-92094',
        component: 'Agenda',
        version: '1.1',
        latestVersion: '2.0',
        status: 'IN_PRODUCTION',
        adoptions: 1,
        releasesBehind: 2,
      },
      {
        commune: 'BE-92094',
        component: 'Wiki',
        version: null,
        latestVersion: null,
        status: 'EVALUATING',
        adoptions: 1,
        releasesBehind: null,
      },
    ]);
  });

  it('counts distinct versions released after the adopted one, newest first', () => {
    const releases = [
      { softwareVersion: '3' },
      { softwareVersion: '3' },
      { softwareVersion: '2' },
      { softwareVersion: '1' },
    ];
    expect(releasesBehind(releases, '3')).toBe(0);
    expect(releasesBehind(releases, '1')).toBe(2);
    expect(releasesBehind(releases, '0.9')).toBeNull();
    expect(releasesBehind(releases, null)).toBeNull();
  });
});
