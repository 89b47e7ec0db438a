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
      expect(first.communes.every((c: any) => c.businesses.totalCount === 60)).toBe(true);
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
      const again = dataOf(await postGraphQL<any>(`${demo.hubUrl}/graphql`, query));
      expect(again).toEqual(first);
    },
    2 * START_TIMEOUT_MS + 60_000,
  );
});
