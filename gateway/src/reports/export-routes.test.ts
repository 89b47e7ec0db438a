import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  badInput,
  DomainError,
  silentLogger,
  startServer,
  type RunningServer,
} from '@communes/kit';
import { reportExportRoutes } from './export-routes';
import { SAMPLE_REPORT, SAMPLE_TABLE } from './export/sample-table';
import type { ReportReadInput, ReportTable } from './table';

describe('report export routes', () => {
  let server: RunningServer;
  const reads: ReportReadInput[] = [];
  let answer: (input: ReportReadInput) => Promise<ReportTable> = async () => SAMPLE_TABLE;

  beforeAll(async () => {
    server = await startServer({ logger: silentLogger }, async ({ app }) => {
      app.use(
        reportExportRoutes(
          async (id, input) => {
            expect(id).toBe(SAMPLE_REPORT.id);
            reads.push(input);
            return answer(input);
          },
          { reports: [SAMPLE_REPORT], logger: silentLogger },
        ),
      );
      return {};
    });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    reads.length = 0;
    answer = async () => SAMPLE_TABLE;
  });

  const get = (path: string) => fetch(`${server.url}${path}`);
  /** The GraphQL-style error body of a refusal. */
  const errorOf = async (response: Response) =>
    ((await response.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0]!
      .extensions;
  const base = `/reports/${SAMPLE_REPORT.id}`;

  it('passes the parsed read on and names the file after the report and the date read', async () => {
    const response = await get(
      `${base}/export.csv?communes=BE-92094,FR-59350&from=2025-01&to=2026-12&asOf=2026-03-01T13:00:00%2B01:00&groupBy=commune,topic&where=body:COUNCIL,COLLEGE&where=topic:x`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="sample-decisions-2026-03-01.csv"',
    );
    expect(response.headers.get('x-report-communes-stale')).toBe('FR-59350');
    expect(response.headers.get('x-report-communes-missing')).toBe('FR-62041');
    expect(reads).toEqual([
      {
        communes: ['BE-92094', 'FR-59350'],
        from: '2025-01',
        to: '2026-12',
        asOf: '2026-03-01T12:00:00.000Z',
        groupBy: ['commune', 'topic'],
        where: [
          { dimension: 'body', values: ['COUNCIL', 'COLLEGE'] },
          { dimension: 'topic', values: ['x'] },
        ],
      },
    ]);
    const records: string[][] = parse(await response.text());
    expect(records).toHaveLength(SAMPLE_TABLE.rows.length + 1);
  });

  it('serves the semicolon CSV, the provenance CSV, XLSX and JSON', async () => {
    const semicolon = await get(`${base}/export.csv?separator=semicolon`);
    const bytes = Buffer.from(await semicolon.arrayBuffer());
    expect(bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
    const communes = await get(`${base}/export.csv?part=communes`);
    expect(communes.headers.get('content-disposition')).toContain(
      'sample-decisions-2026-03-01-communes.csv',
    );
    expect(parse(await communes.text())).toHaveLength(SAMPLE_TABLE.communes.length + 1);

    const xlsx = await get(`${base}/export.xlsx?language=en`);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers.get('content-disposition')).toContain('sample-decisions-2026-03-01.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Data', 'Provenance']);
    expect(workbook.worksheets[0]!.rowCount).toBe(SAMPLE_TABLE.rows.length + 1);

    const json = await get(`${base}/export.json`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await json.json()) as { rows: unknown; report: { title: string } };
    expect(body.rows).toEqual(SAMPLE_TABLE.rows);
    expect(body.report.title).toBe('Décisions');
  });

  it.each([
    ['communes=BE-1', 'communes'],
    ['from=2025-13', 'from'],
    ['from=2026-02&to=2026-01', 'to'],
    ['asOf=yesterday', 'asOf'],
    ['asOf=2026-03-01', 'asOf'],
    ['groupBy=commune,colour', 'groupBy'],
    ['where=body', 'where'],
    ['where=colour:red', 'where'],
    ['language=de', 'language'],
    ['separator=tab', 'separator'],
    ['part=all', 'part'],
    ['language=fr&language=nl', 'language'],
    ['comunes=BE-92094', 'comunes'],
  ])('refuses %s naming %s', async (query, field) => {
    const response = await get(`${base}/export.csv?${query}`);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(reads).toEqual([]);
  });

  it('refuses the CSV parameters on other formats', async () => {
    const response = await get(`${base}/export.json?separator=semicolon`);
    expect(response.status).toBe(400);
    expect((await errorOf(response))['field']).toBe('separator');
  });

  it('answers 404 for an unknown report or format', async () => {
    for (const path of ['/reports/nothing/export.csv', `${base}/export.pdf`]) {
      const response = await get(path);
      expect(response.status).toBe(404);
      expect((await errorOf(response))['code']).toBe('NOT_FOUND');
    }
  });

  it("names the query parameter in the read's refusal, and keeps other domain errors' codes", async () => {
    answer = async () => {
      throw badInput('read.groupBy', 'cannot group a NONE measure this way');
    };
    const refused = await get(`${base}/export.json?groupBy=commune`);
    expect(refused.status).toBe(400);
    expect(await errorOf(refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'groupBy',
    });
    answer = async () => {
      throw new DomainError('RATE_LIMITED', 'slow down');
    };
    const limited = await get(`${base}/export.json`);
    expect(limited.status).toBe(429);
    expect((await errorOf(limited))['code']).toBe('RATE_LIMITED');
  });
});
