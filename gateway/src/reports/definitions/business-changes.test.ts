import { businessChanges } from './business-changes';
import { checkDefinition, expectColumns } from './definition-checks';

describe('business-changes', () => {
  it("reads the commune's months of openings and closures", () => {
    checkDefinition(businessChanges);
    const data = {
      businessChangesByMonth: [
        { communeCode: 'FR-59350', month: '2024-11', opened: 3, closed: 0 },
        { communeCode: 'FR-59350', month: '2025-01', opened: 1, closed: 2 },
        { communeCode: 'BE-92094', month: '2025-01', opened: 9, closed: 9 },
      ],
    };
    const rows = businessChanges.source.rows(data, 'FR-59350');
    expect(rows).toEqual([
      { commune: 'FR-59350', month: '2024-11', opened: 3, closed: 0 },
      { commune: 'FR-59350', month: '2025-01', opened: 1, closed: 2 },
    ]);
    expectColumns(businessChanges, rows);
  });
});
