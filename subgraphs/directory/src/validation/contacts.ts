import {
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
  type ValidatePhoneNumberLengthResult,
} from 'libphonenumber-js/max';
import isEmail from 'validator/lib/isEmail';
import isIP from 'validator/lib/isIP';
import isURL from 'validator/lib/isURL';
import type { Country } from '@communes/kit';
import { accept, refuse, type Parsed } from './result';

/** An email address, returned trimmed with its domain in lower case (domains ignore case). */
export function parseEmail(raw: string): Parsed<string> {
  const value = raw.trim();
  if (!isEmail(value)) return refuse('must be an email address, e.g. info@example.be');
  const at = value.lastIndexOf('@');
  return accept(value.slice(0, at) + value.slice(at).toLowerCase());
}

const URL_OPTIONS = {
  protocols: ['http', 'https'],
  require_protocol: true,
  require_valid_protocol: true,
  require_tld: true,
  // Credentials in a public website address are a leak or a phishing trick.
  disallow_auth: true,
};

/** A public website: http or https, on a domain name with a TLD; returned trimmed. */
export function parseWebsite(raw: string): Parsed<string> {
  const value = raw.trim();
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return refuse('must start with http:// or https://');
  if (scheme !== 'http' && scheme !== 'https') {
    return refuse(`must use http or https (got ${scheme})`);
  }
  if (!isURL(value, URL_OPTIONS)) {
    return refuse('must be a web address on a domain name, e.g. https://example.be');
  }
  // WHATWG parsing is what browsers will do with it; isURL alone is more lenient in places.
  let host: string;
  try {
    host = new URL(value).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return refuse('must be a web address on a domain name, e.g. https://example.be');
  }
  // isURL accepts IP addresses even with require_tld; a business site has a domain name.
  if (isIP(host)) return refuse('must name a domain, not an IP address');
  return accept(value);
}

const PHONE_EXAMPLES: Record<Country, string> = { BE: '+32 2 511 22 33', FR: '+33 1 23 45 67 89' };

const PHONE_LENGTH_REASONS: Record<
  Exclude<ValidatePhoneNumberLengthResult, 'NOT_A_NUMBER'>,
  string
> = {
  INVALID_COUNTRY: 'has an unknown country calling code',
  TOO_SHORT: 'is too short for a phone number',
  TOO_LONG: 'is too long for a phone number',
  INVALID_LENGTH: 'has a length no phone number of its country has',
};

/**
 * A phone number, national numbers read as of the commune's country, returned in E.164
 * (`+3225112233`) so that the same number is stored once whatever way it was typed.
 */
export function parsePhone(raw: string, country: Country): Parsed<string> {
  const value = raw.trim();
  const phone = parsePhoneNumberFromString(value, { defaultCountry: country });
  // The length check names what is wrong where the parser only says "no" or "invalid".
  const lengthReason = () => {
    const problem = validatePhoneNumberLength(value, { defaultCountry: country });
    return problem && problem !== 'NOT_A_NUMBER' ? PHONE_LENGTH_REASONS[problem] : undefined;
  };
  if (!phone) {
    return refuse(lengthReason() ?? `must be a phone number, e.g. ${PHONE_EXAMPLES[country]}`);
  }
  // E.164 has no room for an extension; keeping one would silently drop it.
  if (phone.ext) return refuse('must not have an extension (give a direct number)');
  if (!phone.isValid()) {
    return refuse(lengthReason() ?? `is not a valid ${phone.country ?? country} phone number`);
  }
  return accept(phone.number);
}
