/**
 * Fills a commune node's directory with realistic demo businesses:
 *   npm run seed -- --commune BE-92094 --name Namur --count 1000 --seed 42
 * On `DATABASE_URL` when set, else on the embedded database under DATA_DIR (./data).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { COMMUNE_CODE_FORMAT, countryOf, isCommuneCode, openDatabase } from '@communes/kit';
import { seedDirectory } from '@communes/directory';
import { NODE_SUBGRAPHS } from './subgraphs';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      commune: { type: 'string' },
      name: { type: 'string' },
      count: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
    },
  });
  const code = values.commune ?? '';
  if (!isCommuneCode(code)) throw new Error(`--commune must be ${COMMUNE_CODE_FORMAT}`);
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
    throw new Error('--count must be a whole number from 1 to 1,000,000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  const url = process.env['DATABASE_URL'];
  const db = await openDatabase({
    target: url
      ? { kind: 'postgres', url }
      : { kind: 'pglite', dataDir: `${process.env['DATA_DIR'] ?? './data'}/${code}` },
    parts: NODE_SUBGRAPHS.map((s) => s.database),
  });
  const bar = new SingleBar(
    { format: `${code} businesses [{bar}] {value}/{total} {eta}s` },
    Presets.shades_classic,
  );
  bar.start(count, 0);
  try {
    await seedDirectory(
      db,
      { code, name: values.name ?? code, country: countryOf(code) },
      count,
      seed,
      (done) => bar.update(done),
    );
  } finally {
    bar.stop();
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
