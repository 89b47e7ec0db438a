/** The NACE versions the directory accepts, as the schema's `NaceVersion` enum names them. */
export type NaceVersion = 'NACE_2008' | 'NACE_2025';

export interface NaceSection {
  /** `A`–`U` in NACE-BEL 2008, `A`–`V` in NACE-BEL 2025. */
  letter: string;
  /** French label. */
  label: string;
}

export interface NaceDivision {
  /** Two digits, `01`–`99` with gaps. */
  code: string;
  /** French label. */
  label: string;
  /** Letter of the section the division belongs to. */
  section: string;
}

/** The reference data of one version: the full top two levels and a curated set of codes below. */
export interface NaceData {
  /** How people name the version in messages: `NACE-BEL 2008`. */
  title: string;
  sections: readonly NaceSection[];
  divisions: readonly NaceDivision[];
  /**
   * French labels of a curated, incomplete set of groups (`47.2`), classes (`47.24`) and
   * NACE-BEL subclasses (`47.241`), keyed by their dotted code.
   */
  codes: Readonly<Record<string, string>>;
}
