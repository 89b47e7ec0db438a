import { mkdirSync } from 'node:fs';
import { DataSource, MigrationExecutor, type EntitySchema, type MixedList } from 'typeorm';
import type { PGliteOptions } from '@electric-sql/pglite';

/** Entities and migrations a subgraph brings to the commune's database. */
export interface DatabasePart {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /**
   * PostgreSQL contrib extensions the migrations create. A PostgreSQL server ships them
   * (postgresql-contrib); PGlite must load each into its WebAssembly build at start.
   */
  extensions?: PgliteExtension[];
}

/** Contrib extensions a subgraph may use; each exists in PGlite's build and in PostgreSQL's. */
export type PgliteExtension = 'cube' | 'earthdistance' | 'unaccent' | 'pg_trgm';

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
  /**
   * Longest a statement may run before PostgreSQL cancels it (a serving node's bound; migrations
   * are exempt). PGlite accepts the setting but cannot enforce it: it runs in the process's own
   * thread, so the query limits are what bound an embedded node's statements.
   */
  statementTimeoutMs?: number;
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
      // Sent at connection start, so every pooled connection has it.
      ...(options.statementTimeoutMs
        ? { extra: { statement_timeout: options.statementTimeoutMs } }
        : {}),
    });
  } else {
    const extensions = [...new Set(options.parts.flatMap((p) => p.extensions ?? []))];
    const pglite = await openPglite(options.target.dataDir, extensions);
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
  if (options.migrate ?? true) await runMigrations(dataSource);
  if (options.statementTimeoutMs && options.target.kind === 'pglite')
    await dataSource.query(`SET statement_timeout = ${Math.floor(options.statementTimeoutMs)}`);
  return dataSource;
}

/** Pending migrations, with no statement timeout: an index on a large table takes its time. */
async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SET statement_timeout = 0');
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = dataSource.options.migrationsTransactionMode ?? 'all';
    await executor.executePendingMigrations();
    await runner.query('RESET statement_timeout');
  } finally {
    await runner.release();
  }
}

async function openPglite(dataDir: string, names: PgliteExtension[]) {
  const { PGlite } = await import('@electric-sql/pglite');
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const extensions: NonNullable<PGliteOptions['extensions']> = {};
  for (const name of names) extensions[name] = await loadPgliteExtension(name);
  return PGlite.create({ dataDir, extensions });
}

type PgliteExtensionModule = NonNullable<PGliteOptions['extensions']>[string];

async function loadPgliteExtension(name: PgliteExtension): Promise<PgliteExtensionModule> {
  switch (name) {
    case 'cube':
      return (await import('@electric-sql/pglite/contrib/cube')).cube;
    case 'earthdistance':
      return (await import('@electric-sql/pglite/contrib/earthdistance')).earthdistance;
    case 'unaccent':
      return (await import('@electric-sql/pglite/contrib/unaccent')).unaccent;
    case 'pg_trgm':
      return (await import('@electric-sql/pglite/contrib/pg_trgm')).pg_trgm;
  }
}

function toArray<T>(list: MixedList<T>): T[] {
  return Array.isArray(list) ? list : Object.values(list);
}
