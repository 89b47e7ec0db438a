import type { DataSource } from 'typeorm';

/** Everything in the listed tables, in a stable order: compare before and after a refused write. */
export async function snapshot(db: DataSource, tables: string[]): Promise<string> {
  const parts: unknown[] = [];
  for (const table of tables) {
    parts.push(
      await db.query(`SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`),
    );
  }
  return JSON.stringify(parts);
}
