import { Column, Entity, PrimaryColumn } from 'typeorm';

export type NaceVersion = 'NACE_2008' | 'NACE_2025';

/** One NACE activity of a business; a row each so that prefix search uses an index. */
@Entity({ name: 'business_activity' })
export class BusinessActivity {
  @PrimaryColumn({ name: 'business_id', type: 'uuid' })
  businessId!: string;

  @PrimaryColumn({ type: 'smallint' })
  position!: number;

  @Column({ name: 'nace_version', type: 'text' })
  naceVersion!: NaceVersion;

  /** Dotted NACE-BEL code, as published (`10.711`). */
  @Column({ type: 'text' })
  code!: string;

  /** The code's digits only (`10711`), for prefix search. */
  @Column({ name: 'code_digits', type: 'text' })
  codeDigits!: string;

  @Column({ name: 'is_main', type: 'boolean' })
  main!: boolean;
}
