import { businessesBySector } from './businesses-by-sector';
import { checkDefinition, expectColumns } from './definition-checks';

describe('businesses-by-sector', () => {
  it('reads the sector buckets, each section named with its NACE version', () => {
    checkDefinition(businessesBySector);
    const data = {
      businessCountsBySector: [
        { key: 'NACE_2008/G', count: 12 },
        { key: 'NACE_2025/G', count: 2 },
      ],
    };
    const rows = businessesBySector.source.rows(data, 'BE-92094');
    expect(rows).toEqual([
      { commune: 'BE-92094', section: 'NACE_2008/G', count: 12 },
      { commune: 'BE-92094', section: 'NACE_2025/G', count: 2 },
    ]);
    expectColumns(businessesBySector, rows);
  });
});
