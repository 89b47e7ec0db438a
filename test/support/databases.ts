import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DatabaseTarget } from '@communes/kit';

export type DatabaseKind = 'pglite' | 'postgres';

/** PostgreSQL server the suite creates its throwaway databases on. */
export const TEST_POSTGRES_URL =
  process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The databases every integration test runs on: both by default. `TEST_DATABASES=pglite`
 * narrows it for a quick local run; CI always runs both.
 */
export function testDatabaseKinds(): DatabaseKind[] {
  const wanted = (process.env['TEST_DATABASES'] ?? 'pglite,postgres')
    .split(',')
    .map((s) => s.trim());
  return wanted.filter((k): k is DatabaseKind => k === 'pglite' || k === 'postgres');
}

export interface TestDatabase {
  target: DatabaseTarget;
  drop(): Promise<void>;
}

/** A fresh, empty database: in-memory PGlite, or a new database on the PostgreSQL server. */
export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite')
    return { target: { kind: 'pglite', dataDir: 'memory://' }, drop: async () => {} };
  const name = `cf_test_${randomBytes(6).toString('hex')}`;
  await admin(async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    drop: () =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
