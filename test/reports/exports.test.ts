import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { startReportNetwork, type ReportNetwork } from '../support/report-network';
import { NAMUR } from '../fixtures/communes';

const REPORT = `query($id: ID!, $read: ReportRead, $language: ReportLanguage) {
  report(id: $id, read: $read) {
    report { id title(language: $language) chart periodDimension }
    asOf
    columns { name label(language: $language) role type aggregate }
    rows { dimensions measures stale }
    communes { communeCode readAt state ageSeconds error }
  }
}`;

type Row = { dimensions: (string | null)[]; measures: (number | null)[]; stale: boolean };
type Table = {
  report: Record<string, unknown>;
  asOf: string;
  columns: { name: string; label: string; role: string; type: string; aggregate: string | null }[];
  rows: Row[];
  communes: {
    communeCode: string;
    readAt: string | null;
    state: string;
    ageSeconds: number | null;
    error: string | null;
  }[];
};

/** A CSV cell back to the number it holds (`''` is null); the decimal comma of `;` files too. */
const numberOf = (cell: string): number | null =>
  cell === '' ? null : Number(cell.replace(',', '.'));

describe.each(testDatabaseKinds())('report exports through the hub on %s', (database) => {
  let network: ReportNetwork;
  /** After both runs, pinned so that every face reads the same snapshots and ages. */
  let asOf: string;

  const graphql = async (read: Record<string, unknown>, language = 'fr'): Promise<Table> =>
    dataOf(await network.hub.query(REPORT, { id: 'openings', read: { asOf, ...read }, language }))
      .report;
  const download = async (format: string, query: string) => {
    const response = await fetch(
      `${network.hub.url}/reports/openings/export.${format}?asOf=${encodeURIComponent(asOf)}${query ? `&${query}` : ''}`,
    );
    expect(response.status).toBe(200);
    return response;
  };

  beforeAll(async () => {
    network = await startReportNetwork(database);
    await network.hub.reports.runNow('openings');
    // Namur is down for the second run: its rows are the first run's, stale.
    network.setDown(NAMUR.code, true);
    try {
      await network.hub.reports.runNow('openings');
    } finally {
      network.setDown(NAMUR.code, false);
    }
    asOf = new Date().toISOString();
  });
  afterAll(async () => {
    await network?.close();
  });

  it.each([
    ['every row', {}, ''],
    [
      'a grouped, filtered read',
      { groupBy: ['month'], from: '2025-02', to: '2025-03' },
      'groupBy=month&from=2025-02&to=2025-03',
    ],
    [
      'a read of chosen communes and values',
      {
        communes: ['BE-92094', 'FR-59350'],
        where: [{ dimension: 'month', values: ['2025-01', '2025-02'] }],
      },
      'communes=BE-92094,FR-59350&where=month:2025-01,2025-02',
    ],
  ])(
    'CSV, semicolon CSV, XLSX and JSON of %s equal the GraphQL answer',
    async (_what, read, query) => {
      const table = await graphql(read);
      expect(table.rows.length).toBeGreaterThan(0);
      const names = [...table.columns.map((c) => c.name), 'stale'];
      const dimensionCount = table.columns.filter((c) => c.role === 'DIMENSION').length;
      const rowOf = (cells: string[]): Row => ({
        dimensions: cells.slice(0, dimensionCount).map((c) => (c === '' ? null : c)),
        measures: cells.slice(dimensionCount, -1).map(numberOf),
        stale: cells.at(-1) === 'true',
      });

      const csv = await download('csv', query);
      expect(csv.headers.get('content-disposition')).toBe(
        `attachment; filename="openings-${asOf.slice(0, 10)}.csv"`,
      );
      const [header, ...records] = parse(await csv.text()) as string[][];
      expect(header).toEqual(names);
      expect(records.map(rowOf)).toEqual(table.rows);

      const semicolon = await download('csv', `${query}&separator=semicolon`);
      const text = Buffer.from(await semicolon.arrayBuffer());
      expect(text.subarray(0, 3).toString('hex')).toBe('efbbbf');
      const [semicolonHeader, ...semicolonRecords] = parse(text.subarray(3).toString('utf8'), {
        delimiter: ';',
      }) as string[][];
      expect(semicolonHeader).toEqual(names);
      expect(semicolonRecords.map(rowOf)).toEqual(table.rows);

      const xlsx = await download('xlsx', query);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const [data] = workbook.worksheets;
      const sheetRows = data!
        .getSheetValues()
        .slice(1)
        .map((row) =>
          Array.from({ length: names.length }, (_, i) => (row as unknown[])[i + 1] ?? null),
        );
      expect(sheetRows[0]).toEqual([...table.columns.map((c) => c.label), 'Données anciennes']);
      expect(
        sheetRows.slice(1).map((cells) => ({
          dimensions: cells.slice(0, dimensionCount),
          measures: cells.slice(dimensionCount, -1),
          stale: cells.at(-1),
        })),
      ).toEqual(table.rows);

      const json = (await (await download('json', query)).json()) as Table;
      expect(json.asOf).toBe(table.asOf);
      expect(json.columns).toEqual(table.columns);
      expect(json.rows).toEqual(table.rows);
      expect(json.communes).toEqual(table.communes);
      expect(json.report).toMatchObject(table.report);
    },
  );

  it('names the stale commune, and lists every commune’s provenance as the GraphQL answer does', async () => {
    const table = await graphql({});
    expect(table.communes.find((c) => c.communeCode === NAMUR.code)?.state).toBe('STALE');
    const csv = await download('csv', 'part=communes');
    expect(csv.headers.get('x-report-communes-stale')).toBe(NAMUR.code);
    expect(csv.headers.get('x-report-as-of')).toBe(table.asOf);
    const [header, ...records] = parse(await csv.text()) as string[][];
    expect(header).toEqual(['commune', 'state', 'readAt', 'ageSeconds', 'error']);
    expect(
      records.map(([communeCode, state, readAt, age, error]) => ({
        communeCode,
        readAt: readAt || null,
        state,
        ageSeconds: numberOf(age!),
        error: error || null,
      })),
    ).toEqual(table.communes);

    const xlsx = await download('xlsx', 'language=en');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const provenance = workbook.getWorksheet('Provenance')!;
    const rows = provenance
      .getSheetValues()
      .slice(2)
      .map((row) => Array.from({ length: 5 }, (_, i) => (row as unknown[])[i + 1] ?? null));
    expect(rows).toEqual(
      table.communes.map((c) => [c.communeCode, c.state, c.readAt, c.ageSeconds, c.error]),
    );
    expect(table.rows.filter((r) => r.stale).every((r) => r.dimensions[0] === NAMUR.code)).toBe(
      true,
    );
  });

  it('labels in the language asked for', async () => {
    const table = await graphql({}, 'nl');
    const json = (await (await download('json', 'language=nl')).json()) as Table;
    expect(json.columns.map((c) => c.label)).toEqual(table.columns.map((c) => c.label));
    expect(json.report['title']).toBe('Openingen');
  });

  it('refuses a bad parameter by name, an unknown report with 404', async () => {
    const bad = await fetch(`${network.hub.url}/reports/openings/export.csv?groupBy=colour`);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
    const unknown = await fetch(`${network.hub.url}/reports/nothing/export.json`);
    expect(unknown.status).toBe(404);
  });
});
