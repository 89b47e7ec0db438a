import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  PubliccodeDependency,
  PubliccodeDescription,
  PubliccodeMaintenance,
} from './publiccode';
import type { DevelopmentStatusValue, SoftwareTypeValue } from './publiccode';

/**
 * A component the commune publishes: the latest valid publiccode.yml, as published (`source`)
 * and as read (the other columns). `nameSort`, `releaseSort` and `searchText` are derived on
 * every publication (component-columns.ts).
 */
@Entity({ name: 'component' })
export class Component {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The repository: publiccode.yml's identifier of the software, unique in the commune. */
  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Folded name (see foldText), compared with `COLLATE "C"`: the NAME order. */
  @Column({ name: 'name_sort', type: 'text' })
  nameSort!: string;

  @Column({ name: 'application_suite', type: 'text', nullable: true })
  applicationSuite!: string | null;

  @Column({ name: 'landing_url', type: 'text', nullable: true })
  landingUrl!: string | null;

  @Column({ name: 'software_version', type: 'text', nullable: true })
  softwareVersion!: string | null;

  @Column({ name: 'release_date', type: 'text', nullable: true })
  releaseDate!: string | null;

  /** The release date, or '' when none: the RELEASE_DATE order. */
  @Column({ name: 'release_sort', type: 'text' })
  releaseSort!: string;

  @Column({ name: 'development_status', type: 'text' })
  developmentStatus!: DevelopmentStatusValue;

  @Column({ name: 'software_type', type: 'text' })
  softwareType!: SoftwareTypeValue;

  @Column({ type: 'text', array: true })
  platforms!: string[];

  @Column({ type: 'text', array: true })
  categories!: string[];

  @Column({ type: 'text' })
  license!: string;

  @Column({ name: 'license_ids', type: 'text', array: true })
  licenseIds!: string[];

  @Column({ name: 'main_copyright_owner', type: 'text', nullable: true })
  mainCopyrightOwner!: string | null;

  @Column({ type: 'jsonb' })
  descriptions!: PubliccodeDescription[];

  @Column({ type: 'jsonb' })
  maintenance!: PubliccodeMaintenance;

  /** BCP 47 tags in their canonical case (`fr-BE`). */
  @Column({ type: 'text', array: true })
  languages!: string[];

  @Column({ type: 'text', array: true })
  scope!: string[];

  @Column({ name: 'depends_on', type: 'jsonb' })
  dependsOn!: PubliccodeDependency[];

  @Column({ name: 'publiccode_yml_version', type: 'text' })
  publiccodeYmlVersion!: string;

  /** The latest publiccode.yml, byte for byte. */
  @Column({ type: 'text' })
  source!: string;

  /** Folded names, descriptions and features of every language. */
  @Column({ name: 'search_text', type: 'text' })
  searchText!: string;

  @Column({ name: 'published_at', type: 'timestamptz', precision: 3 })
  publishedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
