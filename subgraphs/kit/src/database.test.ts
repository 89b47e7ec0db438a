import type { EntityManager } from 'typeorm';
import { testDatabaseKinds } from '../../../test/support/databases';
import { CounterEntity, insertCounters, useCounterDatabase } from './test-table';

describe.each(testDatabaseKinds())('openDatabase on %s', (kind) => {
  const handle = useCounterDatabase(kind);

  it('runs the parts’ migrations', async () => {
    const applied = (await handle.db.query(`SELECT name FROM migrations`)) as { name: string }[];
    expect(applied.map((m) => m.name)).toEqual(['CreateKitCounter1700000000000']);
    expect(await handle.db.getRepository(CounterEntity).count()).toBe(0);
  });

  it('keeps a rolled-back transaction from leaking into one that commits beside it', async () => {
    // Several statements each, so that transactions sharing one session would interleave.
    const chatter = async (tx: EntityManager) => {
      for (let i = 0; i < 5; i++) await tx.query('SELECT 1');
    };
    const failing = handle.db.transaction(async (tx) => {
      await insertCounters(tx, [{ name: 'rolled back' }]);
      await chatter(tx);
      throw new Error('refused');
    });
    const committing = handle.db.transaction(async (tx) => {
      await chatter(tx);
      await insertCounters(tx, [{ name: 'committed' }]);
    });
    const [failed, committed] = await Promise.allSettled([failing, committing]);
    expect(failed).toMatchObject({ status: 'rejected', reason: new Error('refused') });
    expect(committed.status).toBe('fulfilled');
    const names = (await handle.db.getRepository(CounterEntity).find()).map((c) => c.name);
    expect(names).toEqual(['committed']);
  });

  it('stores timestamps to the millisecond', async () => {
    const at = new Date('2026-03-01T10:20:30.456Z');
    const [counter] = await insertCounters(handle.db, [{ name: 'a', at }]);
    const saved = await handle.db.getRepository(CounterEntity).findOneByOrFail({ id: counter!.id });
    expect(saved.at.toISOString()).toBe(at.toISOString());
  });
});
