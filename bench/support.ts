/** What the benches share: a throwaway database, and the SQL a request runs. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, Logger } from 'typeorm';

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `cf_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Capturing the SQL a request runs

export interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

/** Wraps the node's TypeORM logger so that the statements of chosen requests are recorded. */
export class QueryCapture {
  private recording: CapturedQuery[] | null = null;

  constructor(db: DataSource) {
    const inner: Logger = db.logger;
    const capture: Logger = {
      logQuery: (query, parameters, runner) => {
        this.recording?.push({ sql: query, parameters: toArray(parameters) });
        return inner.logQuery(query, parameters, runner);
      },
      logQueryError: (error, query, parameters, runner) =>
        inner.logQueryError(error, query, parameters, runner),
      logQuerySlow: (time, query, parameters, runner) =>
        inner.logQuerySlow(time, query, parameters, runner),
      logSchemaBuild: (message, runner) => inner.logSchemaBuild(message, runner),
      logMigration: (message, runner) => inner.logMigration(message, runner),
      log: (level, message, runner) => inner.log(level, message, runner),
    };
    db.logger = capture;
  }

  async during(work: () => Promise<unknown>): Promise<CapturedQuery[]> {
    const recorded: CapturedQuery[] = [];
    this.recording = recorded;
    try {
      await work();
    } finally {
      this.recording = null;
    }
    return recorded;
  }
}

function toArray(parameters: unknown): unknown[] {
  if (parameters === undefined || parameters === null) return [];
  return Array.isArray(parameters) ? parameters : Object.values(parameters as object);
}
