import { NACE_2008 } from './nace-2008';
import { NACE_2025 } from './nace-2025';
import type { NaceData, NaceDivision, NaceSection, NaceVersion } from './types';

export type { NaceData, NaceDivision, NaceSection, NaceVersion };

export const NACE_VERSIONS: readonly NaceVersion[] = ['NACE_2008', 'NACE_2025'];

const DATA: Readonly<Record<NaceVersion, NaceData>> = { NACE_2008, NACE_2025 };

interface VersionIndex {
  divisions: ReadonlyMap<string, NaceDivision>;
  sections: ReadonlyMap<string, NaceSection>;
}

function indexOf(data: NaceData): VersionIndex {
  return {
    divisions: new Map(data.divisions.map((d) => [d.code, d])),
    sections: new Map(data.sections.map((s) => [s.letter, s])),
  };
}

const INDEX: Readonly<Record<NaceVersion, VersionIndex>> = {
  NACE_2008: indexOf(NACE_2008),
  NACE_2025: indexOf(NACE_2025),
};

/** Why a division of the other version is missing here, where a sentence helps the user. */
const GONE: Readonly<Record<NaceVersion, Readonly<Record<string, string>>>> = {
  NACE_2008: {},
  NACE_2025: {
    '45': 'NACE-BEL 2025 moved the motor trade to divisions 46 and 47 and motor repair to 95',
  },
};

const DOTTED = /^(\d{2})(?:\.(\d{1,3}))?$/;
const BARE = /^(\d{2})(\d{0,3})$/;

/**
 * The dotted form of a NACE code (`47`, `47.2`, `47.24`, `47.241`), from a code written with or
 * without its dot (`47.240`, `47240`, `4724`); null when it is not 2 digits optionally followed
 * by 1 to 3 more. Says nothing of whether the code exists: see `checkNaceCode`.
 */
export function normaliseNaceCode(code: string): string | null {
  const text = code.trim();
  const match = DOTTED.exec(text) ?? BARE.exec(text);
  if (!match) return null;
  const division = match[1]!;
  const rest = match[2];
  return rest ? `${division}.${rest}` : division;
}

/** The digits of a code or prefix, for a `LIKE 'prefix%'` search: `47.2` → `472`; null if malformed. */
export function nacePrefixOf(code: string): string | null {
  return normaliseNaceCode(code)?.replace('.', '') ?? null;
}

/** How people name a version: `NACE-BEL 2008`. */
export function naceVersionTitle(version: NaceVersion): string {
  return DATA[version].title;
}

/**
 * Null when `code` is a usable code of `version`, else the reason in a sentence.
 *
 * The rule: the code must be well-formed (see `normaliseNaceCode`) and its division must exist
 * in that version. Deeper codes (groups, classes, NACE-BEL subclasses) are accepted as soon as
 * their division exists, whether or not they are in the curated list: that list is for labels,
 * and is far from the 900-odd subclasses of NACE-BEL, so refusing what it lacks would refuse
 * real codes. The cost is that a made-up `47.999` passes; its label falls back to the division's.
 */
export function checkNaceCode(version: NaceVersion, code: string): string | null {
  const dotted = normaliseNaceCode(code);
  if (dotted === null) {
    return `'${code.trim()}' is not a NACE code: expected 2 digits, optionally followed by a dot and 1 to 3 digits (47, 47.2, 47.24, 47.241)`;
  }
  const division = dotted.slice(0, 2);
  if (INDEX[version].divisions.has(division)) return null;
  const title = DATA[version].title;
  const other = NACE_VERSIONS.find((v) => v !== version)!;
  const why =
    GONE[version][division] ??
    (INDEX[other].divisions.has(division)
      ? `it exists in ${DATA[other].title} only`
      : `no NACE version has it`);
  return `${dotted} is not a ${title} code: division ${division} does not exist in that version (${why})`;
}

function divisionOf(
  version: NaceVersion,
  code: string,
): { dotted: string; division: NaceDivision } {
  const problem = checkNaceCode(version, code);
  if (problem !== null) throw new RangeError(problem);
  const dotted = normaliseNaceCode(code)!;
  return { dotted, division: INDEX[version].divisions.get(dotted.slice(0, 2))! };
}

/** The section of a code. Throws a RangeError when `checkNaceCode` would refuse the code. */
export function naceSection(version: NaceVersion, code: string): NaceSection {
  const { division } = divisionOf(version, code);
  return INDEX[version].sections.get(division.section)!;
}

/**
 * The French label of the most specific level of `code` that the data knows: the subclass, else
 * its class, else its group, else its division. Throws a RangeError like `naceSection`.
 */
export function naceLabel(version: NaceVersion, code: string): string {
  const { dotted, division } = divisionOf(version, code);
  const labels = DATA[version].codes;
  for (let length = dotted.length; length > 2; length--) {
    const label = labels[dotted.slice(0, length)];
    if (label !== undefined) return label;
  }
  return division.label;
}

/** The French label of a section letter; throws a RangeError for a letter the version lacks. */
export function naceSectionLabel(version: NaceVersion, letter: string): string {
  const section = INDEX[version].sections.get(letter);
  if (section === undefined) {
    throw new RangeError(`${DATA[version].title} has no section ${letter}`);
  }
  return section.label;
}

/** Every section of a version, in order. */
export function naceSections(version: NaceVersion): readonly NaceSection[] {
  return DATA[version].sections;
}

/** Every division of a version, in order. */
export function naceDivisions(version: NaceVersion): readonly NaceDivision[] {
  return DATA[version].divisions;
}

/** The curated codes below division level that have a label of their own, sorted. */
export function knownNaceCodes(version: NaceVersion): readonly string[] {
  return Object.keys(DATA[version].codes).sort();
}

/** Whether the data has a label for this exact code (a division or a curated code). */
export function isKnownNaceCode(version: NaceVersion, code: string): boolean {
  const dotted = normaliseNaceCode(code);
  if (dotted === null) return false;
  return dotted.length === 2
    ? INDEX[version].divisions.has(dotted)
    : DATA[version].codes[dotted] !== undefined;
}
