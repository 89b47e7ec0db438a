/** A one-table database for the kit's own tests: rows with a text key, a timestamp and a count. */
import { randomUUID } from 'node:crypto';
import {
  EntitySchema,
  type DataSource,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { createTestDatabase, type DatabaseKind } from '../../../test/support/databases';
import { openDatabase } from './database';

export interface Counter {
  id: string;
  /** ASCII text with `COLLATE "C"`, as every sort key of a subgraph. */
  name: string;
  at: Date;
  value: number;
}

export const CounterEntity = new EntitySchema<Counter>({
  name: 'Counter',
  tableName: 'kit_counter',
  columns: {
    id: { type: 'uuid', primary: true },
    name: { type: 'text' },
    at: { type: 'timestamptz', precision: 3 },
    value: { type: 'int' },
  },
});

export class CreateKitCounter1700000000000 implements MigrationInterface {
  name = 'CreateKitCounter1700000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kit_counter (
        id uuid PRIMARY KEY,
        name text COLLATE "C" NOT NULL,
        at timestamptz(3) NOT NULL,
        value int NOT NULL DEFAULT 0
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kit_counter`);
  }
}

/** Rows to insert: a name and a time each; ids are random. */
export async function insertCounters(
  db: DataSource | EntityManager,
  rows: { name: string; at?: Date; value?: number }[],
): Promise<Counter[]> {
  const counters = rows.map((row) => ({
    id: randomUUID(),
    name: row.name,
    at: row.at ?? new Date('2026-01-01T00:00:00.000Z'),
    value: row.value ?? 0,
  }));
  await db.getRepository(CounterEntity).insert(counters);
  return counters;
}

/** The kit's test table on a fresh database of `kind`, open for the calling describe block. */
export function useCounterDatabase(kind: DatabaseKind): { db: DataSource } {
  const handle = {} as { db: DataSource };
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const database = await createTestDatabase(kind);
    drop = database.drop;
    handle.db = await openDatabase({
      target: database.target,
      parts: [{ entities: [CounterEntity], migrations: [CreateKitCounter1700000000000] }],
    });
  });
  afterEach(async () => {
    await handle.db?.query('DELETE FROM kit_counter');
  });
  afterAll(async () => {
    await handle.db?.destroy();
    await drop();
  });
  return handle;
}
