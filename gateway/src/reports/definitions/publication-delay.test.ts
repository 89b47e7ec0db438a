import { checkDefinition, expectColumns } from './definition-checks';
import { publicationDelay } from './publication-delay';

describe('publication-delay', () => {
  it("reads the commune's decision statistics as its one row, and no other commune's", () => {
    checkDefinition(publicationDelay);
    const data = {
      decisionStatistics: [
        {
          communeCode: 'FR-59350',
          decided: 120,
          published: 110,
          publicationDelayMedianDays: 6.5,
          publicationDelayP90Days: 21.25,
        },
        {
          communeCode: 'BE-92094',
          decided: 1,
          published: 0,
          publicationDelayMedianDays: null,
          publicationDelayP90Days: null,
        },
      ],
    };
    const rows = publicationDelay.source.rows(data, 'FR-59350');
    expect(rows).toEqual([
      { commune: 'FR-59350', decided: 120, published: 110, medianDays: 6.5, p90Days: 21.25 },
    ]);
    expectColumns(publicationDelay, rows);
    expect(publicationDelay.source.rows(data, 'BE-92094')).toEqual([
      { commune: 'BE-92094', decided: 1, published: 0, medianDays: null, p90Days: null },
    ]);
  });
});
