import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { RUNS, startReportNetwork, until, type ReportNetwork } from '../support/report-network';

/**
 * The cron queues a run of every report; with two hubs on one database (PostgreSQL), still one
 * run per firing. Every minute here, so the test waits for the next minute to begin.
 */
describe.each(testDatabaseKinds())('report schedule on %s', (database) => {
  let network: ReportNetwork;

  afterAll(async () => {
    await network?.close();
  });

  it('runs each report when the schedule fires, once whatever the number of hubs', async () => {
    network = await startReportNetwork(database, { reports: { schedule: '* * * * *' } });
    const hubs = database === 'postgres' ? [network.hub, await network.startHub()] : [network.hub];
    const scheduled = async () =>
      dataOf(await hubs[0]!.query(RUNS, { reportId: 'openings' })).reportRuns.filter(
        (r: any) => r.trigger === 'SCHEDULE',
      );
    // Runs fired while the communes were being registered read fewer of them.
    const since = new Date().toISOString();
    const done = await until(
      'a scheduled run of every commune',
      async () => {
        const runs = await scheduled();
        return runs.some((r: any) => r.state === 'DONE' && r.startedAt >= since) ? runs : undefined;
      },
      150_000,
    );
    const latest = done.find((r: any) => r.state === 'DONE' && r.startedAt >= since);
    expect(latest).toMatchObject({ answered: 3, failed: 0 });
    // One run per firing, however many hubs saw it fire: no more runs than the minutes they span,
    // give or take one (on a busy machine a firing's run may start in the next firing's minute);
    // two hubs each running every firing would make twice as many.
    const starts = done
      .map((r: any) => Date.parse(r.startedAt))
      .sort((a: number, b: number) => a - b);
    const minutesSpanned = Math.floor(starts.at(-1) / 60_000) - Math.floor(starts[0] / 60_000) + 1;
    expect(done.length).toBeLessThanOrEqual(minutesSpanned + 1);
  });
});
