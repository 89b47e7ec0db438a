import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory's tables; the SQL is the same on PostgreSQL 15+ and PGlite. */
export class CreateBusiness1732780000000 implements MigrationInterface {
  name = 'CreateBusiness1732780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE business (
        id uuid PRIMARY KEY,
        enterprise_number text NOT NULL,
        establishment_number text,
        name text NOT NULL,
        name_sort text COLLATE "C" NOT NULL,
        commercial_name text,
        legal_form text,
        main_nace_version text NOT NULL,
        main_section text NOT NULL,
        street text NOT NULL,
        house_number text,
        box text,
        postal_code text NOT NULL,
        locality text NOT NULL,
        country_code text NOT NULL,
        lat double precision,
        lon double precision,
        phone text,
        email text,
        website text,
        opening_hours jsonb NOT NULL DEFAULT '[]',
        description jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('ACTIVE', 'CLOSED')),
        source text NOT NULL CHECK (source IN ('MANUAL', 'KBO_IMPORT')),
        search_text text NOT NULL,
        search_vector tsvector GENERATED ALWAYS AS (to_tsvector('french', search_text)) STORED,
        created_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        CONSTRAINT business_enterprise_number_unique UNIQUE (enterprise_number),
        CONSTRAINT business_location_pair CHECK ((lat IS NULL) = (lon IS NULL))
      )`);
    await q.query(`CREATE INDEX business_name_order ON business (name_sort, id)`);
    await q.query(`CREATE INDEX business_created_order ON business (created_at, id)`);
    await q.query(`CREATE INDEX business_postal_code ON business (postal_code)`);
    await q.query(`CREATE INDEX business_lat_lon ON business (lat, lon)`);
    await q.query(`CREATE INDEX business_search ON business USING gin (search_vector)`);
    await q.query(`
      CREATE TABLE business_activity (
        business_id uuid NOT NULL REFERENCES business (id) ON DELETE CASCADE,
        position smallint NOT NULL,
        nace_version text NOT NULL CHECK (nace_version IN ('NACE_2008', 'NACE_2025')),
        code text NOT NULL,
        code_digits text COLLATE "C" NOT NULL,
        is_main boolean NOT NULL,
        PRIMARY KEY (business_id, position)
      )`);
    await q.query(
      `CREATE INDEX business_activity_code ON business_activity (code_digits, business_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE business_activity`);
    await q.query(`DROP TABLE business`);
  }
}
