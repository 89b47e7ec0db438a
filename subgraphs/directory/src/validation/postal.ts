import type { Country } from '@communes/kit';

interface PostalRule {
  digits: number;
  min: number;
  max: number;
  example: string;
}

/** bpost codes run 1000–9999; La Poste's run 01000–98999 with overseas in 97xxx–98xxx. */
const POSTAL_RULES: Record<Country, PostalRule> = {
  BE: { digits: 4, min: 1000, max: 9999, example: '1000' },
  FR: { digits: 5, min: 1000, max: 98999, example: '75001' },
};

/** Null when `code`, once trimmed, is a postal code of `country`; else why not. */
export function validatePostalCode(country: Country, code: string): string | null {
  const rule = POSTAL_RULES[country];
  const value = code.trim();
  const format = `${rule.digits} digits, e.g. ${rule.example}`;
  if (value === '') return `must not be empty (${country} postal codes are ${format})`;
  if (!/^\d+$/.test(value) || value.length !== rule.digits) {
    return `must be ${format} (${country} postal code)`;
  }
  const number = Number(value);
  if (number < rule.min || number > rule.max) {
    const pad = (n: number) => String(n).padStart(rule.digits, '0');
    return `must be between ${pad(rule.min)} and ${pad(rule.max)} (${country} postal code)`;
  }
  return null;
}
