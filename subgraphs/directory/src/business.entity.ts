import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BusinessActivity, NaceVersion } from './business-activity.entity';

export type BusinessStatus = 'ACTIVE' | 'CLOSED';
export type BusinessSource = 'MANUAL' | 'KBO_IMPORT';

export interface LocalizedText {
  fr: string | null;
  nl: string | null;
  de: string | null;
  en: string | null;
}

/**
 * A business on the commune's territory. `nameSort` and the search document are derived
 * from the other columns by the service on every write (see business.service.ts).
 */
@Entity({ name: 'business' })
export class Business {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'enterprise_number', type: 'text' })
  enterpriseNumber!: string;

  @Column({ name: 'establishment_number', type: 'text', nullable: true })
  establishmentNumber!: string | null;

  @Column({ type: 'text' })
  name!: string;

  /** Folded name (see foldText), compared with `COLLATE "C"`: the NAME order. */
  @Column({ name: 'name_sort', type: 'text' })
  nameSort!: string;

  @Column({ name: 'commercial_name', type: 'text', nullable: true })
  commercialName!: string | null;

  @Column({ name: 'legal_form', type: 'text', nullable: true })
  legalForm!: string | null;

  /** Rows of `business_activity`, which the service reads and writes itself (no relation). */
  activities!: BusinessActivity[];

  @Column({ name: 'main_nace_version', type: 'text' })
  mainNaceVersion!: NaceVersion;

  /** NACE section letter of the main activity (in its version): the key of counts by sector. */
  @Column({ name: 'main_section', type: 'text' })
  mainSection!: string;

  @Column({ type: 'text' })
  street!: string;

  @Column({ name: 'house_number', type: 'text', nullable: true })
  houseNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  box!: string | null;

  @Column({ name: 'postal_code', type: 'text' })
  postalCode!: string;

  @Column({ type: 'text' })
  locality!: string;

  @Column({ name: 'country_code', type: 'text' })
  countryCode!: string;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon!: number | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ name: 'opening_hours', type: 'jsonb' })
  openingHours!: string[];

  @Column({ type: 'jsonb' })
  description!: LocalizedText;

  @Column({ type: 'text' })
  status!: BusinessStatus;

  @Column({ type: 'text' })
  source!: BusinessSource;

  /** ISO date the business started (`YYYY-MM-DD`), when known. */
  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  /** ISO date it closed; set only while the business is CLOSED. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  /** Folded text of names, descriptions and activity labels; indexed as French full text. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  /** Metres from `filter.near`, read with the rows of a list filtered by distance. */
  distanceM?: number;
}
