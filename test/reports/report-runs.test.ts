import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { REPORT_COMMUNES, startReportNetwork, type ReportNetwork } from '../support/report-network';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';

const REPORT = `query($id: ID!, $read: ReportRead) {
  report(id: $id, read: $read) {
    asOf
    columns { name role aggregate }
    rows { dimensions measures stale }
    communes { communeCode readAt state ageSeconds error }
  }
}`;

const RUNS = `query { reportRuns(reportId: "openings") { id trigger state answered failed finishedAt } }`;

describe.each(testDatabaseKinds())('report runs on %s', (database) => {
  let network: ReportNetwork;

  beforeAll(async () => {
    network = await startReportNetwork(database);
  });
  afterAll(async () => {
    await network?.close();
  });

  it('a run reads every commune and stores its rows', async () => {
    const run = await network.hub.reports.runNow('openings');
    expect(run).toMatchObject({ state: 'DONE', answered: 3, failed: 0 });
    const { report } = dataOf(await network.hub.query(REPORT, { id: 'openings' }));
    expect(report.communes.map((c: any) => [c.communeCode, c.state])).toEqual(
      REPORT_COMMUNES.map((c) => [c.code, 'OK']).sort(),
    );
    expect(report.rows).toEqual([
      { dimensions: [LIEGE.code, '2025-01'], measures: [1, 0.5], stale: false },
      { dimensions: [LIEGE.code, '2025-02'], measures: [1, 0.5], stale: false },
      { dimensions: [NAMUR.code, '2025-01'], measures: [2, 2 / 3], stale: false },
      { dimensions: [NAMUR.code, '2025-03'], measures: [1, 1 / 3], stale: false },
      { dimensions: [LILLE.code, '2025-02'], measures: [3, 1], stale: false },
    ]);
    const { reportRuns } = dataOf(await network.hub.query(RUNS));
    expect(reportRuns[0]).toMatchObject({ id: run.id, trigger: 'ADMIN', state: 'DONE' });
  });
});
