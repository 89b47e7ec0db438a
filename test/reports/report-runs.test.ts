import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import {
  REPORT_COMMUNES,
  RUNS,
  startReportNetwork,
  until,
  type ReportNetwork,
} from '../support/report-network';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';

const REPORT = `query($id: ID!, $read: ReportRead) {
  report(id: $id, read: $read) {
    asOf
    columns { name role aggregate }
    rows { dimensions measures stale }
    communes { communeCode readAt state ageSeconds error }
  }
}`;

const TREND = `query($read: ReportRead) {
  reportTrend(id: "openings", measure: "opened", read: $read) { asOf value communes staleCommunes }
}`;

const RUN_REPORT = `mutation($id: ID!) { runReport(id: $id) { id reportId state trigger } }`;

const ALL = REPORT_COMMUNES.map((c) => c.code);

// Run 1 reads every commune; run 2 finds Namur down.
const RUN1_ROWS = [
  { dimensions: [LIEGE.code, '2025-01'], measures: [1, 0.5], stale: false },
  { dimensions: [LIEGE.code, '2025-02'], measures: [1, 0.5], stale: false },
  { dimensions: [NAMUR.code, '2025-01'], measures: [2, 2 / 3], stale: false },
  { dimensions: [NAMUR.code, '2025-03'], measures: [1, 1 / 3], stale: false },
  { dimensions: [LILLE.code, '2025-02'], measures: [3, 1], stale: false },
];

describe.each(testDatabaseKinds())('report runs and reads on %s', (database) => {
  let network: ReportNetwork;
  let run1: { id: string; startedAt: Date; finishedAt: Date | null };
  let run2: { id: string; finishedAt: Date | null };

  const read = async (variables: Record<string, unknown>) =>
    dataOf(await network.hub.query(REPORT, { id: 'openings', ...variables })).report;

  beforeAll(async () => {
    network = await startReportNetwork(database);
  });
  afterAll(async () => {
    await network?.close();
  });

  it('a run reads every commune and stores its rows', async () => {
    run1 = await network.hub.reports.runNow('openings');
    expect(run1).toMatchObject({ state: 'DONE', answered: 3, failed: 0 });
    const report = await read({});
    expect(report.communes.map((c: any) => [c.communeCode, c.state, c.error])).toEqual(
      [...ALL].sort().map((code) => [code, 'OK', null]),
    );
    expect(report.rows).toEqual(RUN1_ROWS);
    expect(report.columns.map((c: any) => c.name)).toEqual(['commune', 'month', 'opened', 'share']);
    const { reportRuns } = dataOf(await network.hub.query(RUNS, { reportId: 'openings' }));
    expect(reportRuns[0]).toMatchObject({ id: run1.id, trigger: 'ADMIN', state: 'DONE' });
  });

  it('a commune down keeps its last rows, STALE with their age; the others are read anew', async () => {
    network.setDown(NAMUR.code, true);
    try {
      run2 = await network.hub.reports.runNow('openings');
    } finally {
      network.setDown(NAMUR.code, false);
    }
    expect(run2).toMatchObject({ state: 'DONE', answered: 2, failed: 1 });
    const report = await read({});
    const namur = report.communes.find((c: any) => c.communeCode === NAMUR.code);
    expect(namur).toMatchObject({ state: 'STALE', error: expect.stringContaining('down') });
    const others = report.communes.filter((c: any) => c.communeCode !== NAMUR.code);
    expect(others.map((c: any) => c.state)).toEqual(['OK', 'OK']);
    // Its rows are run 1's, read before the others' rows of run 2.
    expect(new Date(namur.readAt).getTime()).toBeLessThan(new Date(others[0].readAt).getTime());
    expect(namur.readAt <= run1.finishedAt!.toISOString()).toBe(true);
    const age = (new Date(report.asOf).getTime() - new Date(namur.readAt).getTime()) / 1000;
    expect(namur.ageSeconds).toBe(Math.floor(age));
    expect(report.rows).toEqual(
      RUN1_ROWS.map((row) => ({ ...row, stale: row.dimensions[0] === NAMUR.code })),
    );
  });

  it('reads as of an instant pick each commune’s snapshot of then; before any run, MISSING', async () => {
    const then = await read({ read: { asOf: run1.finishedAt!.toISOString() } });
    expect(then.communes.map((c: any) => c.state)).toEqual(['OK', 'OK', 'OK']);
    expect(then.rows).toEqual(RUN1_ROWS);
    const before = new Date(run1.startedAt.getTime() - 1000).toISOString();
    const none = await read({ read: { asOf: before, communes: ALL } });
    expect(none.rows).toEqual([]);
    expect(none.communes).toEqual(
      [...ALL].sort().map((communeCode) => ({
        communeCode,
        readAt: null,
        state: 'MISSING',
        ageSeconds: null,
        error: null,
      })),
    );
    // A commune never read (not a member) is MISSING, not left out.
    const asked = await read({ read: { communes: [LIEGE.code, 'BE-21004'] } });
    expect(asked.communes.map((c: any) => [c.communeCode, c.state])).toEqual([
      ['BE-21004', 'MISSING'],
      [LIEGE.code, 'OK'],
    ]);
    expect(asked.rows.map((r: any) => r.dimensions[0])).toEqual([LIEGE.code, LIEGE.code]);
  });

  it('groups, filters by dimension and by months', async () => {
    const asOf = run1.finishedAt!.toISOString();
    const byMonth = await read({ read: { asOf, groupBy: ['month'] } });
    expect(byMonth.columns.map((c: any) => c.name)).toEqual(['month', 'opened', 'share']);
    // `share` cannot be added up: null once the commune is grouped away.
    expect(byMonth.rows).toEqual([
      { dimensions: ['2025-01'], measures: [3, null], stale: false },
      { dimensions: ['2025-02'], measures: [4, null], stale: false },
      { dimensions: ['2025-03'], measures: [1, null], stale: false },
    ]);
    const february = await read({
      read: {
        asOf,
        from: '2025-02',
        to: '2025-03',
        where: [{ dimension: 'commune', values: [LILLE.code, NAMUR.code] }],
      },
    });
    expect(february.rows).toEqual([
      { dimensions: [NAMUR.code, '2025-03'], measures: [1, 1 / 3], stale: false },
      { dimensions: [LILLE.code, '2025-02'], measures: [3, 1], stale: false },
    ]);
    const total = await read({ read: { asOf, groupBy: [], communes: [LIEGE.code, LILLE.code] } });
    expect(total.rows).toEqual([{ dimensions: [], measures: [5, null], stale: false }]);
  });

  it('a trend has one point per finished run, stale communes counted', async () => {
    const { reportTrend } = dataOf(await network.hub.query(TREND, {}));
    expect(reportTrend).toEqual([
      { asOf: run1.finishedAt!.toISOString(), value: 8, communes: 3, staleCommunes: 0 },
      { asOf: run2.finishedAt!.toISOString(), value: 8, communes: 3, staleCommunes: 1 },
    ]);
  });

  it('a filtered trend point equals the same read, summed, as of its run', async () => {
    const filter = { from: '2025-02', to: '2025-03', communes: [NAMUR.code, LILLE.code] };
    const { reportTrend } = dataOf(await network.hub.query(TREND, { read: filter }));
    expect(reportTrend).toHaveLength(2);
    for (const point of reportTrend) {
      const table = await read({ read: { ...filter, asOf: point.asOf, groupBy: [] } });
      expect(point.value).toBe(table.rows[0]?.measures[0] ?? null);
      expect(point.staleCommunes).toBe(
        table.communes.filter((c: { state: string }) => c.state === 'STALE').length,
      );
    }
  });

  it('refuses bad arguments, naming each, and stores nothing', async () => {
    const admin = await network.hub.tokenFor({ hub: ['admin'] });
    const before = dataOf(await network.hub.query(RUNS, {})).reportRuns.length;
    const fieldsOf = (response: any) => {
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return response.errors[0].extensions.problems.map((p: any) => p.field);
    };
    expect(fieldsOf(await network.hub.query(REPORT, { id: 'nope' }))).toEqual(['id']);
    expect(
      fieldsOf(
        await network.hub.query(REPORT, {
          id: 'openings',
          read: {
            communes: ['Namur'],
            from: '2025-13',
            to: '2025',
            asOf: 'yesterday',
            groupBy: ['topic'],
            where: [
              { dimension: 'body', values: ['COUNCIL'] },
              { dimension: 'month', values: [] },
            ],
          },
        }),
      ),
    ).toEqual([
      'read.communes',
      'read.from',
      'read.to',
      'read.asOf',
      'read.groupBy',
      'read.where.0.dimension',
      'read.where.1.values',
    ]);
    expect(
      fieldsOf(
        await network.hub.query(REPORT, {
          id: 'openings',
          read: { from: '2025-03', to: '2025-01' },
        }),
      ),
    ).toEqual(['read.to']);
    expect(
      fieldsOf(
        await network.hub.query(
          `query { reportTrend(id: "openings", measure: "share") { value } }`,
        ),
      ),
    ).toEqual(['measure']);
    expect(fieldsOf(await network.hub.query(RUN_REPORT, { id: 'nope' }, admin))).toEqual(['id']);
    expect(
      fieldsOf(
        await network.hub.query(RUNS.replace('$reportId: ID', '$reportId: ID = "nope"'), {}),
      ),
    ).toEqual(['reportId']);
    expect(dataOf(await network.hub.query(RUNS, {})).reportRuns.length).toBe(before);
  });

  it('runReport is for hub admins and analysts, not anonymous callers or commune admins', async () => {
    const refused = async (token?: string) =>
      (await network.hub.query(RUN_REPORT, { id: 'openings' }, token)).errors?.[0]?.extensions
        ?.code;
    expect(await refused()).toBe('FORBIDDEN');
    expect(await refused(await network.hub.tokenFor({ [NAMUR.code]: ['admin'] }))).toBe(
      'FORBIDDEN',
    );
    expect(await refused(await network.hub.tokenFor({ [NAMUR.code]: ['analyst'] }))).toBe(
      'FORBIDDEN',
    );
    const ids: string[] = [];
    for (const role of ['admin', 'analyst'] as const) {
      const token = await network.hub.tokenFor({ hub: [role] });
      const { runReport } = dataOf(await network.hub.query(RUN_REPORT, { id: 'openings' }, token));
      expect(runReport).toMatchObject({ reportId: 'openings', trigger: 'ADMIN' });
      ids.push(runReport.id);
    }
    // Both runs finish (one at a time); none is left queued.
    await until('the runs asked for to finish', async () => {
      const { reportRuns } = dataOf(await network.hub.query(RUNS, { reportId: 'openings' }));
      const mine = reportRuns.filter((r: any) => ids.includes(r.id));
      return mine.every((r: any) => r.state === 'DONE') ? true : undefined;
    });
  });

  it('a commune the latest run did not read (suspended) keeps its rows, STALE, in reads and trends', async () => {
    const admin = await network.hub.tokenFor({ hub: ['admin'] });
    const suspend = `mutation($c: ID!) { suspendCommune(code: $c, reason: "audit") { status } }`;
    const reinstate = `mutation($c: ID!) { reinstateCommune(code: $c) { status } }`;
    dataOf(await network.hub.query(suspend, { c: LIEGE.code }, admin));
    try {
      const run = await network.hub.reports.runNow('openings');
      expect(run).toMatchObject({ state: 'DONE', answered: 2, failed: 0 });
      const report = await read({});
      const liege = report.communes.find((c: any) => c.communeCode === LIEGE.code);
      expect(liege).toMatchObject({ state: 'STALE', error: expect.stringContaining('not read') });
      expect(report.rows.filter((r: any) => r.dimensions[0] === LIEGE.code).length).toBeGreaterThan(
        0,
      );
      expect(report.rows.every((r: any) => r.stale === (r.dimensions[0] === LIEGE.code))).toBe(
        true,
      );
      const { reportTrend } = dataOf(await network.hub.query(TREND, {}));
      expect(reportTrend.at(-1)).toMatchObject({ communes: 3, staleCommunes: 1 });
    } finally {
      dataOf(await network.hub.query(reinstate, { c: LIEGE.code }, admin));
    }
  });
});
