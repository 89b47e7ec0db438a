import { accept, refuse, type Parsed } from './result';

const ENTERPRISE_FORMATS = '0xxx.xxx.xxx, 0xxx xxx xxx, BE0xxxxxxxxx or 10 digits';
const ESTABLISHMENT_FORMATS = '2.xxx.xxx.xxx, 2 xxx xxx xxx or 10 digits';

/** Grouped layouts of KBO/BCE numbers; the separator must be the same throughout. */
const ENTERPRISE_GROUPED = /^\d{3,4}([. ])\d{3}\1\d{3}$/;
const ESTABLISHMENT_GROUPED = /^\d([. ])\d{3}\1\d{3}\1\d{3}$/;

/** The two check digits of a KBO/BCE number: 97 minus the first eight digits modulo 97. */
export function belgianCheckDigits(first8: string): string {
  if (!/^\d{8}$/.test(first8)) {
    throw new RangeError(`belgianCheckDigits needs exactly 8 digits, got '${first8}'`);
  }
  return String(97 - (Number(first8) % 97)).padStart(2, '0');
}

/** The digit to append to `payload` so that the whole passes the Luhn check (SIREN, SIRET). */
export function luhnCheckDigit(payload: string): string {
  if (!/^\d+$/.test(payload)) {
    throw new RangeError(`luhnCheckDigit needs digits only, got '${payload}'`);
  }
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Counting from the right, the check digit will sit at place 0, so even places here double.
    let digit = Number(payload[payload.length - 1 - i]) * (i % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

export const isLuhnValid = (digits: string): boolean =>
  digits.length > 1 && luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1);

function belgianCheckProblem(digits: string): string | null {
  const expected = belgianCheckDigits(digits.slice(0, 8));
  const actual = digits.slice(8);
  return actual === expected ? null : `check digits ${actual} do not match (expected ${expected})`;
}

function luhnCheckProblem(digits: string): string | null {
  const expected = luhnCheckDigit(digits.slice(0, -1));
  const actual = digits.slice(-1);
  return actual === expected ? null : `check digit ${actual} does not match (expected ${expected})`;
}

/**
 * A Belgian enterprise number (KBO/BCE), returned as its 10 digits. Accepts `0xxx.xxx.xxx`,
 * `0xxx xxx xxx`, the VAT form `BE0xxxxxxxxx` and bare digits; 9 digits are a pre-2005 number.
 */
export function parseBelgianEnterpriseNumber(raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === '') return refuse('must not be empty');
  const body = text.replace(/^BE ?/i, '');
  if (/[^\d. ]/.test(body)) {
    return refuse(`must contain only digits, dots or spaces (${ENTERPRISE_FORMATS})`);
  }
  const digits = body.replace(/[. ]/g, '');
  if (digits.length !== 10 && digits.length !== 9) {
    return refuse(`must have 10 digits (got ${digits.length})`);
  }
  if (body !== digits && !ENTERPRISE_GROUPED.test(body)) {
    // Nine digits in a 4-3-3 layout are a 10-digit number missing one, not a legacy number.
    return refuse(
      digits.length === 9 ? 'must have 10 digits (got 9)' : `must be written ${ENTERPRISE_FORMATS}`,
    );
  }
  // Numbers from before 2005 had 9 digits; the 10-digit form only added a leading 0.
  const value = digits.padStart(10, '0');
  if (value[0] !== '0' && value[0] !== '1') {
    return refuse(
      value[0] === '9'
        ? `must start with 0 or 1 (got 9)`
        : `must start with 0 or 1 (got ${value[0]}); numbers starting 2 to 8 are establishment numbers`,
    );
  }
  const mismatch = belgianCheckProblem(value);
  return mismatch ? refuse(mismatch) : accept(value);
}

/** A Belgian establishment unit number (KBO/BCE), returned as its 10 digits. */
export function parseBelgianEstablishmentNumber(raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === '') return refuse('must not be empty');
  if (/[^\d. ]/.test(text)) {
    return refuse(`must contain only digits, dots or spaces (${ESTABLISHMENT_FORMATS})`);
  }
  const digits = text.replace(/[. ]/g, '');
  if (digits.length !== 10) return refuse(`must have 10 digits (got ${digits.length})`);
  if (text !== digits && !ESTABLISHMENT_GROUPED.test(text)) {
    return refuse(`must be written ${ESTABLISHMENT_FORMATS}`);
  }
  const first = Number(digits[0]);
  if (first < 2 || first > 8) {
    return refuse(
      first <= 1
        ? `must start with a digit from 2 to 8 (got ${first}); numbers starting 0 or 1 are enterprise numbers`
        : `must start with a digit from 2 to 8 (got ${first})`,
    );
  }
  const mismatch = belgianCheckProblem(digits);
  return mismatch ? refuse(mismatch) : accept(digits);
}

/** Digits of a French identifier; INSEE prints them in groups separated by (no-break) spaces. */
function frenchDigits(raw: string, length: number): Parsed<string> {
  const digits = raw.replace(/\s/g, '');
  if (digits === '') return refuse('must not be empty');
  if (/\D/.test(digits)) return refuse('must contain only digits and spaces');
  if (digits.length !== length) {
    return refuse(`must have ${length} digits (got ${digits.length})`);
  }
  return accept(digits);
}

/** A French SIREN (enterprise), returned as its 9 digits. */
export function parseSiren(raw: string): Parsed<string> {
  const digits = frenchDigits(raw, 9);
  if (!digits.ok) return digits;
  const mismatch = luhnCheckProblem(digits.value);
  return mismatch ? refuse(mismatch) : digits;
}

/** La Poste's SIREN: it has too many establishments for the Luhn check, see `parseSiret`. */
export const LA_POSTE_SIREN = '356000000';
const LA_POSTE_HEAD_OFFICE = '35600000000048';

/** A French SIRET (establishment), returned as its 14 digits. */
export function parseSiret(raw: string): Parsed<string> {
  const digits = frenchDigits(raw, 14);
  if (!digits.ok) return digits;
  const siret = digits.value;
  const sirenMismatch = luhnCheckProblem(siret.slice(0, 9));
  if (sirenMismatch) return refuse(`first 9 digits are not a valid SIREN: ${sirenMismatch}`);
  // INSEE numbers La Poste's establishments so that their digits sum to a multiple of 5
  // instead; only its head office keeps a Luhn-valid SIRET.
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_HEAD_OFFICE) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0
      ? digits
      : refuse(`digit sum ${sum} is not a multiple of 5 (the check for La Poste SIRETs)`);
  }
  const mismatch = luhnCheckProblem(siret);
  return mismatch ? refuse(mismatch) : digits;
}
