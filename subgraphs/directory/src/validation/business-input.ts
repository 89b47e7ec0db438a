import { parseDate, type Country, type FieldProblem } from '@communes/kit';
import type {
  ActivityInput,
  AddressInput,
  BusinessSource,
  ContactsInput,
  CreateBusinessInput,
  GeoPointInput,
  LocalizedTextInput,
  NaceVersion,
} from '../generated/graphql';
import { parseEmail, parsePhone, parseWebsite } from './contacts';
import { validateGeoPoint } from './coordinates';
import {
  parseBelgianEnterpriseNumber,
  parseBelgianEstablishmentNumber,
  parseSiren,
  parseSiret,
} from './identifiers';
import { normaliseOpeningHours, validateOpeningHours } from './opening-hours';
import { validatePostalCode } from './postal';
import type { Parsed } from './result';
import { checkLength, optionalText, requiredText, TEXT_LIMITS } from './text';

export const MAX_ACTIVITIES = 10;

export interface ValidationContext {
  /** The commune's country: it picks the identifier, postal code and phone rules. */
  country: Country;
  /** Null when `code` is a known code of `version`, else why not; owned by the NACE module. */
  checkNace: (version: NaceVersion, code: string) => string | null;
  /** The business's status once written: only a CLOSED one may have an end date (default ACTIVE). */
  status?: 'ACTIVE' | 'CLOSED';
}

export interface NormalisedActivity {
  naceVersion: NaceVersion;
  /** Trimmed as given; the NACE module owns the code format. */
  code: string;
  main: boolean;
}

export interface NormalisedAddress {
  street: string;
  number: string | null;
  box: string | null;
  postalCode: string;
  locality: string;
  countryCode: Country;
}

export interface NormalisedGeoPoint {
  lat: number;
  lon: number;
}

export interface NormalisedContacts {
  /** E.164, e.g. `+3225112233`. */
  phone: string | null;
  email: string | null;
  website: string | null;
}

export interface NormalisedLocalizedText {
  fr: string | null;
  nl: string | null;
  de: string | null;
  en: string | null;
}

/** A valid create input, cleaned: what the service maps onto the database entity. */
export interface NormalisedBusiness {
  /** Belgium: 10 digits. France: SIREN, 9 digits. */
  enterpriseNumber: string;
  /** Belgium: 10 digits. France: SIRET, 14 digits. */
  establishmentNumber: string | null;
  name: string;
  commercialName: string | null;
  legalForm: string | null;
  /** 1 to 10, exactly one of them main. */
  activities: NormalisedActivity[];
  address: NormalisedAddress;
  location: NormalisedGeoPoint | null;
  contacts: NormalisedContacts;
  /** Normalised schema.org specifications (`Mo-Fr 09:00-18:00`). */
  openingHours: string[];
  description: NormalisedLocalizedText;
  source: BusinessSource;
  /** `YYYY-MM-DD`. */
  startDate: string | null;
  /** `YYYY-MM-DD`, not before startDate; only for a CLOSED business. */
  endDate: string | null;
}

/**
 * What `validateCreateBusiness` reads: a create input, or an update merged over the stored
 * business (`{ ...stored, ...input }`), where a required field the update set to null is
 * null and gets reported rather than crash.
 */
export type BusinessInput = Omit<CreateBusinessInput, 'name' | 'activities' | 'address'> & {
  name: string | null;
  activities: ActivityInput[] | null;
  address: AddressInput | null;
};

/** Every problem found; `value` is only meaningful when there are none. */
export interface ValidationResult<T> {
  problems: FieldProblem[];
  value: T;
}

const CONTACT_KEYS = ['phone', 'email', 'website'] as const;
const LANGUAGES = ['fr', 'nl', 'de', 'en'] as const;

/** Keeps the parsed value, or records why not and keeps the raw text for the caller to see. */
function take(problems: FieldProblem[], field: string, parsed: Parsed<string>, raw: string) {
  if (parsed.ok) return parsed.value;
  problems.push({ field, reason: parsed.reason });
  return raw.trim();
}

function enterpriseNumber(problems: FieldProblem[], raw: string, ctx: ValidationContext) {
  const parsed = ctx.country === 'BE' ? parseBelgianEnterpriseNumber(raw) : parseSiren(raw);
  take(problems, 'input.enterpriseNumber', parsed, raw);
  return parsed;
}

/** `enterprise` is the enterprise's number when valid: a French SIRET must start with it. */
function establishmentNumber(
  problems: FieldProblem[],
  raw: string | null | undefined,
  ctx: ValidationContext,
  enterprise: string | null,
): string | null {
  const field = 'input.establishmentNumber';
  if (raw == null || raw.trim() === '') return null;
  if (ctx.country === 'BE') return take(problems, field, parseBelgianEstablishmentNumber(raw), raw);
  const siret = parseSiret(raw);
  if (siret.ok && enterprise !== null && !siret.value.startsWith(enterprise)) {
    problems.push({
      field,
      reason: `must start with the enterprise's SIREN ${enterprise} (starts with ${siret.value.slice(0, 9)})`,
    });
  }
  return take(problems, field, siret, raw);
}

function activities(
  problems: FieldProblem[],
  list: readonly ActivityInput[],
  ctx: ValidationContext,
): NormalisedActivity[] {
  if (list.length === 0) {
    problems.push({ field: 'input.activities', reason: 'must list at least one activity' });
  }
  if (list.length > MAX_ACTIVITIES) {
    problems.push({
      field: 'input.activities',
      reason: `must list at most ${MAX_ACTIVITIES} activities (got ${list.length})`,
    });
  }
  const seen = new Map<string, number>();
  let main: number | null = null;
  const result = list.map((activity, index) => {
    const field = `input.activities[${index}]`;
    const code = activity.code.trim();
    const reason = code === '' ? 'must not be empty' : ctx.checkNace(activity.naceVersion, code);
    // Dots are only layout (`47.24` is `4724`); a repeated code is a slip, not a second activity.
    const key = `${activity.naceVersion}:${code.replace(/\./g, '')}`;
    const first = seen.get(key);
    if (reason) problems.push({ field: `${field}.code`, reason });
    else if (first !== undefined) {
      problems.push({ field: `${field}.code`, reason: `repeats input.activities[${first}]` });
    } else seen.set(key, index);
    if (activity.main && list.length > 1) {
      if (main === null) main = index;
      else {
        problems.push({
          field: `${field}.main`,
          reason: `only one activity may be main, and input.activities[${main}] already is`,
        });
      }
    }
    // A single activity is the main one whatever the flag says.
    return { naceVersion: activity.naceVersion, code, main: list.length === 1 || !!activity.main };
  });
  if (list.length > 1 && main === null) {
    problems.push({ field: 'input.activities', reason: 'must mark one activity as main' });
  }
  return result;
}

function address(
  problems: FieldProblem[],
  input: AddressInput,
  ctx: ValidationContext,
): NormalisedAddress {
  const field = (name: string) => `input.address.${name}`;
  const countryCode = (input.countryCode ?? '').trim().toUpperCase() || ctx.country;
  if (countryCode !== ctx.country) {
    problems.push({
      field: field('countryCode'),
      reason: `must be ${ctx.country}: a commune lists only businesses on its territory (got ${countryCode})`,
    });
  }
  return {
    street: requiredText(problems, field('street'), input.street, TEXT_LIMITS.street),
    number: optionalText(problems, field('number'), input.number, TEXT_LIMITS.number),
    box: optionalText(problems, field('box'), input.box, TEXT_LIMITS.box),
    postalCode: postalCode(problems, field('postalCode'), input.postalCode, ctx.country),
    locality: requiredText(problems, field('locality'), input.locality, TEXT_LIMITS.locality),
    countryCode: ctx.country,
  };
}

function postalCode(problems: FieldProblem[], field: string, raw: string, country: Country) {
  const reason = validatePostalCode(country, raw);
  if (reason) problems.push({ field, reason });
  return raw.trim();
}

function location(
  problems: FieldProblem[],
  input: GeoPointInput | null | undefined,
): NormalisedGeoPoint | null {
  if (input == null) return null;
  problems.push(...validateGeoPoint(input, 'input.location'));
  return { lat: input.lat, lon: input.lon };
}

/** Absent, null or blank contacts are null. */
function contacts(
  problems: FieldProblem[],
  input: ContactsInput | null | undefined,
  ctx: ValidationContext,
): NormalisedContacts {
  const parsers = {
    phone: (raw: string) => parsePhone(raw, ctx.country),
    email: parseEmail,
    website: parseWebsite,
  };
  const result: NormalisedContacts = { phone: null, email: null, website: null };
  for (const key of CONTACT_KEYS) {
    const raw = input?.[key];
    if (raw == null || raw.trim() === '') continue;
    result[key] = take(problems, `input.contacts.${key}`, parsers[key](raw), raw);
  }
  return result;
}

function description(
  problems: FieldProblem[],
  input: LocalizedTextInput | null | undefined,
): NormalisedLocalizedText {
  const result: NormalisedLocalizedText = { fr: null, nl: null, de: null, en: null };
  for (const language of LANGUAGES) {
    result[language] = optionalText(
      problems,
      `input.description.${language}`,
      input?.[language],
      TEXT_LIMITS.description,
      { multiline: true },
    );
  }
  return result;
}

function openingHours(problems: FieldProblem[], list: readonly string[]): string[] {
  if (list.length > TEXT_LIMITS.openingHours) {
    problems.push({
      field: 'input.openingHours',
      reason: `must have at most ${TEXT_LIMITS.openingHours} entries (got ${list.length})`,
    });
  }
  return list.map((raw, index) => {
    const field = `input.openingHours[${index}]`;
    const spec = normaliseOpeningHours(raw);
    const tooLong = checkLength(field, spec, TEXT_LIMITS.openingHoursEntry);
    const reason = tooLong ? tooLong.reason : validateOpeningHours(spec);
    if (reason) problems.push({ field, reason });
    return spec;
  });
}

/** The business's period: ISO dates, the end not before the start, and only once CLOSED. */
function period(
  problems: FieldProblem[],
  input: Pick<BusinessInput, 'startDate' | 'endDate'>,
  ctx: ValidationContext,
): { startDate: string | null; endDate: string | null } {
  const date = (name: 'startDate' | 'endDate') => {
    const raw = input[name];
    if (raw == null || raw.trim() === '') return null;
    const parsed = parseDate(raw);
    if (!parsed) {
      problems.push({
        field: `input.${name}`,
        reason: 'must be an ISO 8601 date such as 2019-04-01',
      });
    }
    return parsed;
  };
  const startDate = date('startDate');
  const endDate = date('endDate');
  if (endDate !== null && (ctx.status ?? 'ACTIVE') !== 'CLOSED') {
    problems.push({
      field: 'input.endDate',
      reason: 'only a CLOSED business has an end date (this one is ACTIVE; close it first)',
    });
  } else if (startDate !== null && endDate !== null && endDate < startDate) {
    problems.push({
      field: 'input.endDate',
      reason: `must not be before input.startDate (${startDate})`,
    });
  }
  return { startDate, endDate };
}

/** The reason for a required field set to null: only meaningful in an update. */
const NOT_NULLABLE = 'must not be null (it is required; leave it out to keep it unchanged)';

/**
 * Cleans a required field, or records why it is missing. GraphQL refuses null in a create,
 * but an update merged over the stored business (`{ ...stored, ...input }`) can carry one.
 */
function required<T, R>(
  problems: FieldProblem[],
  name: string,
  raw: T | null | undefined,
  clean: (raw: T) => R,
  fallback: R,
): R {
  if (raw != null) return clean(raw);
  problems.push({ field: `input.${name}`, reason: raw === null ? NOT_NULLABLE : 'is required' });
  return fallback;
}

const NO_ADDRESS = (country: Country): NormalisedAddress => ({
  street: '',
  number: null,
  box: null,
  postalCode: '',
  locality: '',
  countryCode: country,
});

/** Validates and cleans a `createBusiness` input, collecting every problem. */
export function validateCreateBusiness(
  input: BusinessInput,
  ctx: ValidationContext,
): ValidationResult<NormalisedBusiness> {
  const problems: FieldProblem[] = [];
  const enterprise = required(
    problems,
    'enterpriseNumber',
    input.enterpriseNumber,
    (raw) => enterpriseNumber(problems, raw, ctx),
    null,
  );
  const value: NormalisedBusiness = {
    enterpriseNumber: enterprise?.ok ? enterprise.value : (input.enterpriseNumber ?? '').trim(),
    establishmentNumber: establishmentNumber(
      problems,
      input.establishmentNumber,
      ctx,
      enterprise?.ok ? enterprise.value : null,
    ),
    name: required(
      problems,
      'name',
      input.name,
      (raw) => requiredText(problems, 'input.name', raw, TEXT_LIMITS.name),
      '',
    ),
    commercialName: optionalText(
      problems,
      'input.commercialName',
      input.commercialName,
      TEXT_LIMITS.commercialName,
    ),
    legalForm: optionalText(problems, 'input.legalForm', input.legalForm, TEXT_LIMITS.legalForm),
    activities: required(
      problems,
      'activities',
      input.activities,
      (raw) => activities(problems, raw, ctx),
      [],
    ),
    address: required(
      problems,
      'address',
      input.address,
      (raw) => address(problems, raw, ctx),
      NO_ADDRESS(ctx.country),
    ),
    location: location(problems, input.location),
    contacts: contacts(problems, input.contacts, ctx),
    openingHours: openingHours(problems, input.openingHours ?? []),
    description: description(problems, input.description),
    source: input.source ?? 'MANUAL',
    ...period(problems, input, ctx),
  };
  return { problems, value };
}
