/** Countries whose communes can join, with the shape of their official commune code. */
const COMMUNE_CODE = /^(BE-[1-9]\d{4}|FR-(\d{5}|2[AB]\d{3}))$/;

export type Country = 'BE' | 'FR';

/**
 * A commune's identity in the network: its official code with the country, `BE-92094` (NIS/INS)
 * or `FR-59350` (INSEE, Corsica `FR-2A004`).
 */
export function isCommuneCode(value: string): boolean {
  return COMMUNE_CODE.test(value);
}

export function countryOf(communeCode: string): Country {
  return communeCode.slice(0, 2) as Country;
}

export const COMMUNE_CODE_FORMAT =
  'BE- followed by the 5-digit NIS code, or FR- followed by the 5-character INSEE code';
