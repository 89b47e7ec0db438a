/**
 * The hub's web pages in a real browser (Debian's Chromium driven by playwright-core), with
 * every request to anything but the hub refused: the pages work offline, each chart draws one
 * mark per row of the table under it, filters change both, the CSV download holds what the
 * GraphQL API answers, and the page speaks French by default and Dutch when asked.
 * Screenshots go to test/artifacts/web/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPORT_DEFINITIONS } from '@communes/hub';
import { testDatabaseKinds } from '../support/databases';
import { dataOf } from '../support/graphql-client';
import { LIEGE, LILLE, NAMUR } from '../fixtures/communes';
import { namurBusiness } from '../fixtures/businesses';
import { OPENINGS_REPORT, startReportNetwork, type ReportNetwork } from '../support/report-network';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, '..', 'artifacts', 'web');
const BY_SECTOR = REPORT_DEFINITIONS.find((d) => d.id === 'businesses-by-sector')!;
const HEALTH = REPORT_DEFINITIONS.find((d) => d.id === 'network-health')!;

const READ = `query($id: ID!, $read: ReportRead) {
  report(id: $id, read: $read) { asOf rows { dimensions measures stale } communes { communeCode state } }
}`;

interface Read {
  asOf: string;
  rows: { dimensions: (string | null)[]; measures: (number | null)[]; stale: boolean }[];
  communes: { communeCode: string; state: string }[];
}

/**
 * In the page (a function: the page's CSP forbids eval): once the report has loaded, the marks
 * its chart drew and the rows of the table under it, when both are `expected`; else null.
 */
function figureShowing(expected: number): { marks: number; rows: number } | null {
  const document = (globalThis as any).document;
  const report = document.querySelector('.report');
  const chart = document.querySelector('.report-figure report-chart');
  const table = document.querySelector('.report-figure .report-table');
  if (!report || !chart || !table || report.getAttribute('aria-busy') !== 'false') return null;
  const marks = Number(chart.dataset.marks);
  const rows = table.querySelectorAll('tbody tr').length;
  return marks === expected && rows === expected ? { marks, rows } : null;
}

describe('the hub web pages, in Chromium, offline', () => {
  let network: ReportNetwork;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** Every request the page tried outside the hub (refused). */
  const outside: string[] = [];

  const read = async (id: string, readInput: Record<string, unknown>): Promise<Read> =>
    dataOf<{ report: Read }>(await network.hub.query(READ, { id, read: readInput })).report;

  /** Waits until the figure shows `rows` rows and its chart as many marks. */
  const figureShows = async (rows: number) => {
    const handle = await page.waitForFunction(figureShowing, rows);
    return (await handle.jsonValue()) as { marks: number; rows: number };
  };

  const screenshot = (name: string) =>
    page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    network = await startReportNetwork(testDatabaseKinds()[0]!, {
      reports: { definitions: [OPENINGS_REPORT, BY_SECTOR, HEALTH] },
    });
    // A shop in Namur besides the network's bakeries: two NACE sections to filter between.
    const editor = await network.hub.tokenFor({ [NAMUR.code]: ['editor'] });
    dataOf(
      await network.hub.query(
        `mutation($commune: ID!, $input: CreateBusinessInput!) {
          createBusiness(commune: $commune, input: $input) { id } }`,
        {
          commune: NAMUR.code,
          input: namurBusiness({
            name: 'Épicerie du Centre',
            activities: [{ naceVersion: 'NACE_2008', code: '47.110', main: true }],
          }),
        },
        editor,
      ),
    );
    for (const id of ['openings', BY_SECTOR.id, HEALTH.id]) await network.hub.reports.runNow(id);
    // Lille fails the next run of the openings: its rows stay, stale.
    network.setDown(LILLE.code, true);
    await network.hub.reports.runNow('openings');
    network.setDown(LILLE.code, false);

    browser = await chromium.launch({ executablePath: CHROMIUM });
    context = await browser.newContext({
      locale: 'fr-BE',
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    // Waits are on conditions; this only bounds them on a busy 2-core machine (jest allows 180 s).
    context.setDefaultTimeout(120_000);
    const hubHost = new URL(network.hub.url).host;
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === hubHost) return route.continue();
      outside.push(url.href);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await network?.close();
  });

  it('shows the network at / in French (the browser says fr-BE), loading nothing from outside the hub', async () => {
    await page.goto(`${network.hub.url}/`);
    await page.getByRole('heading', { level: 1, name: 'Le réseau des communes' }).waitFor();
    const rows = page.locator('.network-table tbody tr');
    await page.waitForFunction(
      () => (globalThis as any).document.querySelectorAll('.network-table tbody tr').length === 3,
    );
    expect(await rows.locator('th').allTextContents()).toEqual([
      LIEGE.name,
      NAMUR.name,
      LILLE.name,
    ]);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('a[href="/graphql"]').count()).toBeGreaterThan(0);
    await screenshot('overview-fr');
    expect(outside).toEqual([]);
  });

  it('draws the report as a chart with one mark per row of the table under it, with its as-of date and provenance', async () => {
    const answer = await read('openings', { groupBy: ['commune', 'month'] });
    await page.goto(`${network.hub.url}/reports/openings`);
    const state = await figureShows(answer.rows.length);
    expect(state.rows).toBeGreaterThan(3);
    await page.getByRole('table', { name: /Ouvertures — données au/ }).waitFor();
    expect(await page.locator('.as-of').textContent()).toMatch(/^Données au /);

    // Lille failed the last run: its rows are marked stale, and its provenance says so.
    const lilleRows = answer.rows.filter((r) => r.dimensions[0] === LILLE.code).length;
    expect(lilleRows).toBeGreaterThan(0);
    expect(await page.locator('.report-table tbody tr[data-stale="true"]').count()).toBe(lilleRows);
    const provenance = page.locator(`.provenance tr[data-commune="${LILLE.code}"]`);
    expect(await provenance.getAttribute('data-state')).toBe('STALE');
    expect(await provenance.textContent()).toContain('périmé');
    expect(
      await page.locator(`.provenance tr[data-commune="${NAMUR.code}"]`).getAttribute('data-state'),
    ).toBe('OK');
    await screenshot('report-openings-fr');
    expect(outside).toEqual([]);
  });

  it('changes the chart and the table together when a filter changes', async () => {
    const all = await read('openings', { groupBy: ['commune', 'month'] });
    const fromFebruary = await read('openings', { groupBy: ['commune', 'month'], from: '2025-02' });
    expect(fromFebruary.rows.length).toBeLessThan(all.rows.length);
    await page.locator('input[name="from"]').fill('2025-02');
    await figureShows(fromFebruary.rows.length);
    expect(page.url()).toContain('from=2025-02');

    const namurOnly = await read('openings', {
      groupBy: ['commune', 'month'],
      from: '2025-02',
      communes: [NAMUR.code],
    });
    await page.getByRole('checkbox', { name: /Namur/ }).check();
    await figureShows(namurOnly.rows.length);
    const shown = await page.locator('.report-table tbody th').allTextContents();
    expect(shown.every((name) => name.includes(NAMUR.name))).toBe(true);
    await screenshot('report-openings-filtered');
  });

  it('reads as of a chosen day: before any run, every commune named is MISSING and nothing is drawn', async () => {
    // Communes named: with none, a read lists the communes read by then, and there are none.
    const communes = [LIEGE.code, NAMUR.code, LILLE.code];
    await page.goto(`${network.hub.url}/reports/openings?communes=${communes.join(',')}`);
    await figureShows(
      (await read('openings', { groupBy: ['commune', 'month'], communes })).rows.length,
    );
    await page.locator('input[name="asOf"]').fill('2020-01-31');
    await figureShows(0);
    expect(new URL(page.url()).searchParams.get('asOf')).toMatch(/^2020-0[12]-/);
    expect(
      await page
        .locator('.provenance tbody tr')
        .evaluateAll((rows) => rows.map((row) => (row as any).dataset.state)),
    ).toEqual(['MISSING', 'MISSING', 'MISSING']);
    expect(await page.locator('.as-of').textContent()).toContain('2020');
    await screenshot('report-openings-as-of-2020');
  });

  it('downloads as CSV exactly what the GraphQL API answers for the same read', async () => {
    await page.goto(`${network.hub.url}/reports/openings?from=2025-02`);
    const answer = await read('openings', { groupBy: ['commune', 'month'], from: '2025-02' });
    await figureShows(answer.rows.length);
    const asOf = await page.locator('.as-of').getAttribute('data-as-of');
    const atThatInstant = await read('openings', {
      groupBy: ['commune', 'month'],
      from: '2025-02',
      asOf,
    });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[data-format="csv"]').click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const records = parse(csv) as string[][];
    expect(records[0]).toEqual(['commune', 'month', 'opened', 'share', 'stale']);
    expect(records.slice(1)).toEqual(
      atThatInstant.rows.map((row) => [
        ...row.dimensions.map((v) => v ?? ''),
        ...row.measures.map((v) => (v === null ? '' : String(v))),
        String(row.stale),
      ]),
    );
    const href = await page.locator('a[data-format="csv-semicolon"]').getAttribute('href');
    expect(href).toContain('separator=semicolon');
    expect(outside).toEqual([]);
  });

  it.each([
    [BY_SECTOR.id, ['commune', BY_SECTOR.dimensions[1]!.name]],
    [HEALTH.id, ['commune']],
  ])('draws %s with one mark per row too', async (id, groupBy) => {
    const answer = await read(id, { groupBy });
    expect(answer.rows.length).toBeGreaterThan(0);
    await page.goto(`${network.hub.url}/reports/${id}`);
    await figureShows(answer.rows.length);
    await screenshot(`report-${id}`);
  });

  it("filters on a report's other dimension with its select (read.where)", async () => {
    const section = BY_SECTOR.dimensions[1]!.name;
    const groupBy = ['commune', section];
    const all = await read(BY_SECTOR.id, { groupBy });
    const values = [...new Set(all.rows.map((r) => r.dimensions[1]!))];
    // The value with the fewest rows: the filter visibly narrows the table.
    const chosen = values.sort(
      (a, b) =>
        all.rows.filter((r) => r.dimensions[1] === a).length -
        all.rows.filter((r) => r.dimensions[1] === b).length,
    )[0]!;
    const filtered = await read(BY_SECTOR.id, {
      groupBy,
      where: [{ dimension: section, values: [chosen] }],
    });
    expect(filtered.rows.length).toBeLessThan(all.rows.length);
    await page.goto(`${network.hub.url}/reports/${BY_SECTOR.id}`);
    await figureShows(all.rows.length);
    await page.locator(`select[name="where-${section}"]`).selectOption(chosen);
    await figureShows(filtered.rows.length);
    expect(await page.locator('.report-table tbody td:nth-of-type(1)').allTextContents()).toEqual(
      filtered.rows.map(() => chosen),
    );
    expect(new URL(page.url()).searchParams.getAll('where')).toEqual([`${section}:${chosen}`]);
    const csvHref = await page.locator('a[data-format="csv"]').getAttribute('href');
    expect(new URL(csvHref!, network.hub.url).searchParams.getAll('where')).toEqual([
      `${section}:${chosen}`,
    ]);
  });

  it('switches to Dutch, and opens in Dutch with ?lang=nl', async () => {
    await page.goto(`${network.hub.url}/reports/openings`);
    await page.locator('select[name="lang"]').selectOption('nl');
    await page.getByRole('heading', { level: 1, name: 'Rapporten' }).waitFor();
    await page.getByRole('table', { name: /Openingen — gegevens op/ }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    expect(page.url()).toContain('lang=nl');
    await screenshot('report-openings-nl');

    const fresh = await context.newPage();
    await fresh.goto(`${network.hub.url}/?lang=nl`);
    await fresh.getByRole('heading', { level: 1, name: 'Het netwerk van gemeenten' }).waitFor();
    await fresh.close();
    expect(outside).toEqual([]);
  });
});
