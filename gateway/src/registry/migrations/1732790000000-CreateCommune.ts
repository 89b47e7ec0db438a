import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The registry's table; the SQL is the same on PostgreSQL 15+ and PGlite. */
export class CreateCommune1732790000000 implements MigrationInterface {
  name = 'CreateCommune1732790000000';

  async up(q: QueryRunner): Promise<void> {
    // Codes compare byte-wise (COLLATE "C") so that SQL and JavaScript order them the same.
    await q.query(`
      CREATE TABLE commune (
        code text COLLATE "C" PRIMARY KEY,
        name text NOT NULL,
        names jsonb NOT NULL DEFAULT '{}',
        country text NOT NULL CHECK (country IN ('BE', 'FR')),
        region text,
        website text,
        status text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'LEFT')),
        suspended_reason text,
        subgraphs jsonb NOT NULL DEFAULT '[]',
        joined_at timestamptz(3) NOT NULL,
        updated_at timestamptz(3) NOT NULL,
        health jsonb NOT NULL DEFAULT '[]',
        CONSTRAINT commune_country_of_code CHECK (left(code, 3) = country || '-'),
        CONSTRAINT commune_suspended_reason CHECK ((status = 'SUSPENDED') = (suspended_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX commune_status ON commune (status, code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE commune`);
  }
}
