import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { testDatabaseKinds } from '../../../test/support/databases';
import { BadUserInput, NotFound } from './errors';
import { lockById, lockExisting } from './locks';
import { CounterEntity, insertCounters, useCounterDatabase, type Counter } from './test-table';

/** Adds one to a counter the way every service changes a row: read it locked, then save. */
function increment(db: DataSource, id: string, onLocked: () => Promise<void> = async () => {}) {
  return db.transaction(async (tx) => {
    const row = await lockExisting(tx, CounterEntity, id, 'a counter');
    await onLocked();
    row.value += 1;
    await tx.save(CounterEntity, row);
    return row.value;
  });
}

/** Whether another session of this database waits on a lock; PostgreSQL only. */
async function someoneWaits(db: DataSource): Promise<boolean> {
  const [row] = (await db.query(
    `SELECT COUNT(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND wait_event_type = 'Lock'`,
  )) as { n: number }[];
  return (row?.n ?? 0) > 0;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

describe.each(testDatabaseKinds())('row locks on %s', (kind) => {
  const handle = useCounterDatabase(kind);

  it('lockById reads the row, or null when there is none', async () => {
    const [counter] = await insertCounters(handle.db, [{ name: 'a', value: 3 }]);
    const found = await handle.db.transaction((tx) =>
      lockById<Counter>(tx, CounterEntity, counter!.id, 'a counter'),
    );
    expect(found).toMatchObject({ id: counter!.id, name: 'a', value: 3 });
    const missing = await handle.db.transaction((tx) =>
      lockById(tx, CounterEntity, randomUUID(), 'a counter'),
    );
    expect(missing).toBeNull();
  });

  it('refuses an id that is not a UUID as a problem of the field named', async () => {
    const refused = handle.db.transaction((tx) =>
      lockById(tx, CounterEntity, "1' OR '1'='1", 'a counter', 'input.counterId'),
    );
    await expect(refused).rejects.toThrow(BadUserInput);
    await expect(refused).rejects.toMatchObject({
      problems: [{ field: 'input.counterId', reason: 'must be a counter id' }],
    });
  });

  it('lockExisting reports a missing row as NOT_FOUND, named without its article', async () => {
    const id = randomUUID();
    const refused = handle.db.transaction((tx) =>
      lockExisting(tx, CounterEntity, id, 'an adoption'),
    );
    await expect(refused).rejects.toThrow(NotFound);
    await expect(refused).rejects.toThrow(`Adoption ${id} does not exist`);
  });

  it('loses no update when transactions change the same row at once', async () => {
    const [counter] = await insertCounters(handle.db, [{ name: 'shared' }]);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => increment(handle.db, counter!.id)),
    );
    expect(results.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const saved = await handle.db.getRepository(CounterEntity).findOneByOrFail({ id: counter!.id });
    expect(saved.value).toBe(8);
  });

  if (kind === 'postgres') {
    it('makes a second writer wait until the first commits, then read its value', async () => {
      const [counter] = await insertCounters(handle.db, [{ name: 'contended' }]);
      let second: Promise<number> | null = null;
      let waited = false;
      const first = increment(handle.db, counter!.id, async () => {
        second = increment(handle.db, counter!.id);
        waited = await until(() => someoneWaits(handle.db), 10_000);
      });
      expect(await first).toBe(1);
      expect(waited).toBe(true);
      expect(await second).toBe(2);
    });
  }
});
