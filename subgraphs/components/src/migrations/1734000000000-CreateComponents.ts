import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The components catalogue and the commune's adoptions; the SQL is the same on PostgreSQL 15+
 * and PGlite. Sort keys are ASCII text with `COLLATE "C"`, so that cursor keys compare the
 * same in JavaScript (the hub's merge) and in SQL.
 */
export class CreateComponents1734000000000 implements MigrationInterface {
  name = 'CreateComponents1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE component (
        id uuid PRIMARY KEY,
        url text NOT NULL,
        name text NOT NULL,
        name_sort text COLLATE "C" NOT NULL,
        application_suite text,
        landing_url text,
        software_version text,
        release_date text CHECK (release_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        release_sort text COLLATE "C" NOT NULL,
        development_status text NOT NULL
          CHECK (development_status IN ('concept', 'development', 'beta', 'stable', 'obsolete')),
        software_type text NOT NULL,
        platforms text[] NOT NULL,
        categories text[] NOT NULL,
        license text NOT NULL,
        license_ids text[] NOT NULL,
        main_copyright_owner text,
        descriptions jsonb NOT NULL,
        maintenance jsonb NOT NULL,
        languages text[] NOT NULL,
        scope text[] NOT NULL,
        depends_on jsonb NOT NULL,
        publiccode_yml_version text NOT NULL,
        source text NOT NULL,
        search_text text NOT NULL,
        -- French and English stems of the same folded text: either language's words match.
        search_vector tsvector GENERATED ALWAYS AS
          (to_tsvector('french', search_text) || to_tsvector('english', search_text)) STORED,
        published_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CONSTRAINT component_url_unique UNIQUE (url)
      )`);
    await q.query(`CREATE INDEX component_name_order ON component (name_sort, id)`);
    await q.query(`CREATE INDEX component_release_order ON component (release_sort, id)`);
    await q.query(`CREATE INDEX component_updated_order ON component (updated_at, id)`);
    await q.query(`CREATE INDEX component_categories ON component USING gin (categories)`);
    await q.query(`CREATE INDEX component_license_ids ON component USING gin (license_ids)`);
    await q.query(`CREATE INDEX component_search ON component USING gin (search_vector)`);
    await q.query(`
      CREATE TABLE component_release (
        component_id uuid NOT NULL REFERENCES component (id) ON DELETE CASCADE,
        seq integer NOT NULL CHECK (seq > 0),
        software_version text,
        release_date text,
        development_status text NOT NULL,
        publiccode_yml_version text NOT NULL,
        source text NOT NULL,
        published_at timestamptz(3) NOT NULL,
        published_by text NOT NULL,
        PRIMARY KEY (component_id, seq)
      )`);
    await q.query(`
      CREATE TABLE adoption (
        id uuid PRIMARY KEY,
        component_url text NOT NULL,
        component_name text NOT NULL,
        component_name_sort text COLLATE "C" NOT NULL,
        publisher_code text,
        version text,
        status text NOT NULL CHECK (status IN ('EVALUATING', 'IN_PRODUCTION', 'RETIRED')),
        since text COLLATE "C" NOT NULL CHECK (since ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        retired_on text CHECK (retired_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        referent_name text NOT NULL,
        referent_email text NOT NULL,
        referent_role text,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CONSTRAINT adoption_retired CHECK ((retired_on IS NOT NULL) = (status = 'RETIRED'))
      )`);
    // One current adoption of a repository per commune; retired ones stay as history.
    await q.query(
      `CREATE UNIQUE INDEX adoption_current ON adoption (component_url) WHERE status <> 'RETIRED'`,
    );
    await q.query(`CREATE INDEX adoption_since_order ON adoption (since, id)`);
    await q.query(`CREATE INDEX adoption_name_order ON adoption (component_name_sort, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE adoption`);
    await q.query(`DROP TABLE component_release`);
    await q.query(`DROP TABLE component`);
  }
}
