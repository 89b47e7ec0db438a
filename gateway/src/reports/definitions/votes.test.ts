import { checkDefinition, expectColumns } from './definition-checks';
import { votes } from './votes';

describe('votes', () => {
  it('reads the vote statistics and derives the unanimity rate, null without votes', () => {
    checkDefinition(votes);
    const statistics = (communeCode: string, voted: number, unanimous: number) => ({
      communeCode,
      voted,
      unanimous,
      withAbstentions: 3,
      abstentions: 7,
    });
    const data = {
      decisionStatistics: [statistics('BE-92094', 40, 30), statistics('BE-25005', 0, 0)],
    };
    const rows = votes.source.rows(data, 'BE-92094');
    expect(rows).toEqual([
      {
        commune: 'BE-92094',
        voted: 40,
        unanimous: 30,
        unanimityRate: 0.75,
        withAbstentions: 3,
        abstentions: 7,
      },
    ]);
    expectColumns(votes, rows);
    expect(votes.source.rows(data, 'BE-25005')[0]!['unanimityRate']).toBeNull();
  });
});
