import { mkdirSync } from 'node:fs';
import { DataSource, type EntitySchema, type MixedList } from 'typeorm';

/** Entities and migrations a subgraph brings to the commune's database. */
export interface DatabasePart {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

export type DatabaseTarget =
  /** A PostgreSQL server. */
  | { kind: 'postgres'; url: string; schema?: string }
  /** Embedded PGlite: a data directory, or `memory://` for a throwaway database. */
  | { kind: 'pglite'; dataDir: string };

export interface OpenDatabaseOptions {
  target: DatabaseTarget;
  parts: DatabasePart[];
  /** Run pending migrations on open (the default); production may run them as a separate step. */
  migrate?: boolean;
  logging?: boolean;
}

/**
 * Opens the commune's database through TypeORM, on PostgreSQL or on embedded PGlite with the
 * same SQL. PGlite goes through its own node-postgres adapter with one connection: its
 * sessions are not isolated, so one connection keeps transactions from leaking into each other.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DataSource> {
  const entities = options.parts.flatMap((p) => toArray(p.entities));
  const migrations = options.parts.flatMap((p) => toArray(p.migrations));
  const common = {
    type: 'postgres' as const,
    entities,
    migrations,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: options.logging ?? false,
  };
  let dataSource: DataSource;
  if (options.target.kind === 'postgres') {
    dataSource = new DataSource({
      ...common,
      url: options.target.url,
      ...(options.target.schema ? { schema: options.target.schema } : {}),
      poolSize: 10,
    });
  } else {
    const pglite = await openPglite(options.target.dataDir);
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const pgConfig = createPgConfig(pglite);
    dataSource = new DataSource({
      ...common,
      host: pgConfig.host,
      port: pgConfig.port,
      username: pgConfig.user,
      password: pgConfig.password,
      database: pgConfig.database,
      poolSize: 1,
      extra: { connection: pgConfig.connection, max: 1 },
    });
    const close = dataSource.destroy.bind(dataSource);
    dataSource.destroy = async () => {
      await close();
      await pglite.close();
    };
  }
  await dataSource.initialize();
  if (options.migrate ?? true) await dataSource.runMigrations();
  return dataSource;
}

async function openPglite(dataDir: string) {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  return PGlite.create({ dataDir });
}

function toArray<T>(list: MixedList<T>): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}
