import type { NodeCommune } from '@communes/kit';

/** Node settings the export needs beyond the commune's code and name; all optional. */
export interface ScdlCollectivityOptions {
  /** French communes: the commune's SIRET (14 digits, Luhn), as in the SIRENE register. */
  siret?: string | undefined;
  /** Belgian communes: the commune's KBO/BCE enterprise number (10 digits, mod 97). */
  enterpriseNumber?: string | undefined;
  /** PREF_ID: French communes default to their department's prefecture (`PREF059`). */
  prefectureId?: string | undefined;
}

/** The columns that describe the commune itself, the same on every line. */
export interface ScdlCollectivity {
  name: string;
  /** 14 digits, or null when the node is not configured with the commune's identifier. */
  siret: string | null;
  prefectureId: string;
}

/** Thrown at start-up: a malformed identifier is a deployment mistake, not a request error. */
export class ScdlConfigError extends Error {
  constructor(option: string, reason: string) {
    super(`SCDL export: ${option} ${reason}`);
    this.name = 'ScdlConfigError';
  }
}

const PREF_ID = /^(PREF|SGAR)(\d{3}|02[AB])$|^SPREF(\d{3}|02[AB])\d$/;

export function scdlCollectivity(
  commune: NodeCommune,
  options: ScdlCollectivityOptions,
): ScdlCollectivity {
  if (options.prefectureId !== undefined && !PREF_ID.test(options.prefectureId))
    throw new ScdlConfigError('prefectureId', 'must be PREFNNN, SPREFNNNM or SGARNNN');
  return commune.country === 'FR'
    ? {
        name: commune.name,
        siret: options.siret === undefined ? null : checkedSiret(options.siret),
        prefectureId: options.prefectureId ?? departmentPrefecture(commune.code),
      }
    : {
        name: commune.name,
        siret: options.enterpriseNumber === undefined ? null : kboAsSiret(options.enterpriseNumber),
        // Belgian communes answer to regional supervision (tutelle), which has no PREF code.
        prefectureId: options.prefectureId ?? '',
      };
}

function checkedSiret(value: string): string {
  const digits = value.replace(/[\s.]/g, '');
  if (!/^\d{14}$/.test(digits) || !luhn(digits))
    throw new ScdlConfigError('siret', 'must be 14 digits with a valid Luhn key');
  return digits;
}

/**
 * COLL_SIRET of a Belgian commune: its 10-digit enterprise number left-padded with four zeros,
 * so it fits the schema's 14 digits and reads back as the number (see docs/scdl-belgium.md).
 */
export function kboAsSiret(value: string): string {
  const digits = value.replace(/^BE/i, '').replace(/[\s.]/g, '');
  if (
    !/^[01]\d{9}$/.test(digits) ||
    97 - (Number(digits.slice(0, 8)) % 97) !== Number(digits.slice(8))
  )
    throw new ScdlConfigError(
      'enterpriseNumber',
      'must be a KBO/BCE number: 10 digits, mod 97 key',
    );
  return `0000${digits}`;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** `FR-59350` → `PREF059`, `FR-2A004` → `PREF02A`, `FR-97411` → `PREF974`. */
function departmentPrefecture(communeCode: string): string {
  const insee = communeCode.slice(3);
  const department = insee.startsWith('97') ? insee.slice(0, 3) : `0${insee.slice(0, 2)}`;
  return `PREF${department}`;
}
