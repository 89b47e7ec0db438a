import { checkDefinition, expectColumns } from './definition-checks';
import { decisionsByTopic } from './decisions-by-topic';

describe('decisions-by-topic', () => {
  it('reads decisionCounts as one row per topic, month, body and state', () => {
    checkDefinition(decisionsByTopic);
    const data = {
      decisionCounts: [
        { topic: '7.1', month: '2025-03', body: 'COUNCIL', state: 'ACCEPTED', count: 4 },
        { topic: '1.1', month: '2025-04', body: 'COLLEGE', state: 'REFUSED', count: 1 },
      ],
    };
    const rows = decisionsByTopic.source.rows(data, 'BE-92094');
    expect(rows).toEqual([
      {
        commune: 'BE-92094',
        topic: '7.1',
        month: '2025-03',
        body: 'COUNCIL',
        state: 'ACCEPTED',
        count: 4,
      },
      {
        commune: 'BE-92094',
        topic: '1.1',
        month: '2025-04',
        body: 'COLLEGE',
        state: 'REFUSED',
        count: 1,
      },
    ]);
    expectColumns(decisionsByTopic, rows);
    expect(decisionsByTopic.source.rows({ decisionCounts: null }, 'BE-92094')).toEqual([]);
  });
});
