import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { ROOT } from '../support/cli';
import { testDatabaseKinds } from '../support/databases';
import { dataOf, postGraphQL } from '../support/graphql-client';
import {
  graphqlCalls,
  RUNS,
  startReportNetwork,
  until,
  type ReportNetwork,
} from '../support/report-network';
import { freePort } from '../support/processes';
import type { TestHub } from '../support/test-hub';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';

const RUN_REPORT = `mutation { runReport(id: "openings") { id state } }`;
const STATES = `query { report(id: "openings") { communes { communeCode state } } }`;

async function runOf(hub: TestHub, id: string) {
  const { reportRuns } = dataOf(await hub.query(RUNS, { reportId: 'openings' }));
  return reportRuns.find((r: any) => r.id === id);
}

describe.each(testDatabaseKinds())('report jobs on %s', (database) => {
  let network: ReportNetwork;

  afterEach(async () => {
    await network?.close();
  });

  it('a run its hub stopped during is finished by the next hub, which skips the communes stored', async () => {
    network = await startReportNetwork(database);
    // Namur does not answer while the first hub runs; the hub's call is cut at its stop.
    network.hold(NAMUR.code, true);
    const calls = () => [LIEGE, LILLE].map((c) => graphqlCalls(network.proxies[c.code]!));
    const before = calls();
    const admin = await network.hub.tokenFor({ hub: ['admin'] });
    const { runReport } = dataOf(await network.hub.query(RUN_REPORT, {}, admin));
    await until('the fast communes stored', async () => {
      const run = await runOf(network.hub, runReport.id);
      return run.answered === 2 ? run : undefined;
    });
    await network.hub.close();

    network.hold(NAMUR.code, false);
    const next = await network.startHub();
    const done = await until('the next hub to finish the run', async () => {
      const run = await runOf(next, runReport.id);
      return run.state === 'DONE' ? run : undefined;
    });
    expect(done).toMatchObject({ answered: 3, failed: 0 });
    // Liège and Lille were read once, by the first hub.
    expect(calls()).toEqual(before.map((n) => n + 1));
    const { report } = dataOf(await next.query(STATES));
    expect(report.communes.map((c: any) => c.state)).toEqual(['OK', 'OK', 'OK']);
  });
});

// PGlite is one process's database: only PostgreSQL is shared by hub replicas (and a killed
// hub's process), so these run there.
const shared = testDatabaseKinds().filter((kind) => kind === 'postgres');
(shared.length > 0 ? describe.each(shared) : describe.skip.each(['postgres' as const]))(
  'report jobs with hubs sharing %s',
  (database) => {
    let network: ReportNetwork;

    afterEach(async () => {
      await network?.close();
    });

    it('a run left active by a killed hub expires and is finished by the next hub', async () => {
      network = await startReportNetwork(database);
      await network.hub.close();
      network.hold(NAMUR.code, true);
      const calls = () => [LIEGE, LILLE].map((c) => graphqlCalls(network.proxies[c.code]!));
      const before = calls();
      // A hub in its own process queues a run and reads the fast communes; then it is killed.
      const port = await freePort();
      // Node itself with tsx's loader: killing tsx's own launcher would leave the hub running.
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'test', 'support', 'report-hub-process.ts')],
        {
          cwd: ROOT,
          env: {
            PATH: process.env['PATH'] ?? '',
            HOME: process.env['HOME'] ?? '',
            PORT: String(port),
            DATABASE_URL: (network.database as { url: string }).url,
          },
          stdio: 'ignore',
        },
      );
      const exited = once(child, 'exit');
      try {
        const url = `http://127.0.0.1:${port}/graphql`;
        const killed = { query: (q: string, v: Record<string, unknown>) => postGraphQL(url, q, v) };
        const running = await until('the killed hub to store the fast communes', async () => {
          const answer = await killed.query(RUNS, { reportId: 'openings' }).catch(() => null);
          const run = (answer?.data as any)?.reportRuns?.[0];
          return run?.answered === 2 ? run : undefined;
        });
        child.kill('SIGKILL');
        await exited;

        network.hold(NAMUR.code, false);
        const next = await network.startHub({ reports: { jobExpireSeconds: 2 } });
        const done = await until('the next hub to finish the run', async () => {
          const run = await runOf(next, running.id);
          return run.state === 'DONE' ? run : undefined;
        });
        expect(done).toMatchObject({ answered: 3, failed: 0 });
        expect(calls()).toEqual(before.map((n) => n + 1));
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    });

    it('two hubs on one database run a report once', async () => {
      network = await startReportNetwork(database);
      const second = await network.startHub();
      const proxies = Object.values(network.proxies);
      const before = proxies.map(graphqlCalls);
      const runs = await Promise.all([
        network.hub.reports.runNow('openings'),
        second.reports.runNow('openings'),
      ]);
      for (const run of runs) expect(run).toMatchObject({ state: 'DONE', answered: 3, failed: 0 });
      // Asked of both hubs at once: one run (or one after the other), each commune read once a run.
      const ids = new Set(runs.map((r) => r.id));
      expect(proxies.map(graphqlCalls)).toEqual(before.map((n) => n + ids.size));
      const all = dataOf(await second.query(RUNS, { reportId: 'openings' })).reportRuns;
      expect(all.map((r: any) => r.id).sort()).toEqual([...ids].sort());
    });
  },
);
