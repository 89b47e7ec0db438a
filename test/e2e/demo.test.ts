import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataOf, postGraphQL } from '../support/graphql-client';
import { ROOT } from '../support/cli';

/**
 * A first start with this data set takes 40–80 s on a 2-core machine (four embedded databases
 * opened and migrated, two months of meetings seeded); a busy CI machine may take several times that.
 */
const START_TIMEOUT_MS = 300_000;

interface Demo {
  child: ChildProcess;
  output: string;
  hubUrl: string;
}

/** `npm start` as a newcomer runs it, until it says where the network is. */
async function startDemo(dataDir: string, port: number): Promise<Demo> {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      DEMO_BUSINESSES: '60',
      // Two months of meetings: the first start seeds in seconds, not minutes (issue 9).
      DEMO_DELIBERATION_MONTHS: '2',
    },
    detached: true,
  });
  const demo: Demo = { child, output: '', hubUrl: '' };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start did not come up:\n${demo.output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      demo.output += chunk.toString();
      const match = /One GraphQL API for every commune: (\S+)\/graphql/.exec(demo.output);
      if (match) {
        clearTimeout(timer);
        demo.hubUrl = match[1]!;
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${demo.output}`)));
  });
  return demo;
}

/** What the demo printed matching `pattern`, once it has. */
async function waitForOutput(demo: Demo, pattern: RegExp): Promise<RegExpExecArray> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const match = pattern.exec(demo.output);
    if (match) return match;
    if (Date.now() > deadline)
      throw new Error(`npm start never printed ${pattern}:\n${demo.output}`);
    await new Promise((resolve) => demo.child.stdout!.once('data', resolve));
  }
}

async function stopDemo(demo: Demo): Promise<void> {
  if (demo.child.exitCode !== null) return;
  const exited = new Promise((resolve) => demo.child.on('exit', resolve));
  process.kill(-demo.child.pid!, 'SIGINT');
  await exited;
}

describe('npm start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'demo-'));
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  let demo: Demo | undefined;
  afterAll(async () => {
    if (demo) await stopDemo(demo);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(
    'brings up a hub and four seeded communes, prints where to query, and reuses its data',
    async () => {
      demo = await startDemo(dataDir, port);
      expect(demo.hubUrl).toBe(`http://127.0.0.1:${port}`);
      expect(demo.output).toMatch(/Seeding Namur: 60 businesses/);
      expect(demo.output).toMatch(/curl -s .*\/graphql/);
      const query = `{ communes { code country businesses(first: 1) { totalCount } } businesses(filter: { search: "boulangerie" }) { totalCount } }`;
      const first = dataOf(await postGraphQL<any>(`${demo.hubUrl}/graphql`, query));
      expect(first.communes.map((c: any) => c.code)).toEqual([
        'BE-52011',
        'BE-62063',
        'BE-92094',
        'FR-59350',
      ]);
      // The first start's reports: runs dated a month back, a month of changes, runs again.
      const month = await waitForOutput(
        demo,
        /Reports: every report ran dated a month back.*\((\d+) businesses opened, (\d+) closed/,
      );
      const opened = Number(month[1]);
      expect(opened).toBeGreaterThan(0);
      const total = first.communes.reduce(
        (sum: number, c: any) => sum + c.businesses.totalCount,
        0,
      );
      expect(total).toBeGreaterThanOrEqual(4 * 60);
      const now = dataOf(await postGraphQL<any>(`${demo.hubUrl}/graphql`, query));
      expect(now.communes.reduce((sum: number, c: any) => sum + c.businesses.totalCount, 0)).toBe(
        4 * 60 + opened,
      );
      const trend = dataOf(
        await postGraphQL<any>(
          `${demo.hubUrl}/graphql`,
          `{ reports { id } reportTrend(id: "business-changes", measure: "opened") { asOf communes } }`,
        ),
      );
      expect(trend.reports).toHaveLength(8);
      expect(trend.reportTrend).toHaveLength(2);
      const days =
        (Date.parse(trend.reportTrend[1].asOf) - Date.parse(trend.reportTrend[0].asOf)) /
        86_400_000;
      expect(Math.round(days)).toBe(30);
      // The network page's instructions: stop Charleroi, and the reports mark it stale.
      const control = /curl -X POST (http:\/\/127\.0\.0\.1:\d+)\/communes\/BE-52011\/stop/.exec(
        demo.output,
      )![1];
      const stopped = await fetch(`${control}/communes/BE-52011/stop`, { method: 'POST' });
      expect(stopped.status).toBe(200);
      const stale = dataOf(
        await postGraphQL<any>(
          `${demo.hubUrl}/graphql`,
          `{ report(id: "votes") { communes { communeCode state } } }`,
        ),
      );
      expect(stale.report.communes).toContainEqual({ communeCode: 'BE-52011', state: 'STALE' });
      expect((await fetch(`${control}/communes/BE-52011/start`, { method: 'POST' })).status).toBe(
        200,
      );
      expect(new Set(first.communes.map((c: any) => c.country))).toEqual(new Set(['BE', 'FR']));
      // The pooled software, as the welcome text suggests asking: Délibé is used by all four.
      expect(demo.output).toMatch(/Seeded Namur: 3 publiccode.yml, 4 adoptions/);
      const software = dataOf(
        await postGraphQL<any>(
          `${demo.hubUrl}/graphql`,
          `{ adoptionCountsByComponent { key name count } components(first: 0) { totalCount } }`,
        ),
      );
      expect(software.adoptionCountsByComponent[0]).toEqual({
        key: 'https://gitlab.com/ville-de-namur/delibe.git',
        name: 'Délibé',
        count: 4,
      });
      expect(software.components.totalCount).toBe(9);
      await stopDemo(demo);

      demo = await startDemo(dataDir, port);
      expect(demo.output).not.toMatch(/Seeding|Seeded/);
      await waitForOutput(demo, /Reports: every report ran at start/);
      const again = dataOf(await postGraphQL<any>(`${demo.hubUrl}/graphql`, query));
      expect(again).toEqual(now);
    },
    2 * START_TIMEOUT_MS + 60_000,
  );
});
