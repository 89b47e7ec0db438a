import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@communes/kit';
import { NODE_SUBGRAPHS } from '@communes/node';
import { runCli } from '../support/cli';

describe('npm run seed', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function seedInto(args: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'seed-'));
    dirs.push(dir);
    const result = await runCli('subgraphs/node/src/seed-cli.ts', args, { DATA_DIR: dir });
    const db = await openDatabase({
      target: { kind: 'pglite', dataDir: join(dir, 'BE-92094') },
      parts: NODE_SUBGRAPHS.map((s) => s.database),
    });
    const rows = (await db.query(
      `SELECT id, enterprise_number, name, postal_code, lat, lon FROM business ORDER BY id`,
    )) as Record<string, unknown>[];
    await db.destroy();
    return { result, rows };
  }

  it('fills a commune with the same valid businesses for the same seed', async () => {
    const first = await seedInto([
      '--commune',
      'BE-92094',
      '--name',
      'Namur',
      '--count',
      '40',
      '--seed',
      '7',
    ]);
    expect(first.result.code).toBe(0);
    expect(first.rows).toHaveLength(40);
    expect(new Set(first.rows.map((r) => r['enterprise_number'])).size).toBe(40);
    for (const row of first.rows) expect(String(row['postal_code'])).toMatch(/^5\d{3}$/);
    const again = await seedInto([
      '--commune',
      'BE-92094',
      '--name',
      'Namur',
      '--count',
      '40',
      '--seed',
      '7',
    ]);
    expect(again.rows).toEqual(first.rows);
    const other = await seedInto([
      '--commune',
      'BE-92094',
      '--name',
      'Namur',
      '--count',
      '40',
      '--seed',
      '8',
    ]);
    expect(other.rows).not.toEqual(first.rows);
  });

  it('refuses bad arguments with the option named', async () => {
    const result = await runCli(
      'subgraphs/node/src/seed-cli.ts',
      ['--commune', 'BE-1', '--count', '5'],
      {},
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--commune/);
  });
});
