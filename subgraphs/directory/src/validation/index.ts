/** Input validation of the directory: pure functions, no GraphQL and no database. */
export {
  MAX_ACTIVITIES,
  validateCreateBusiness,
  type BusinessInput,
  type NormalisedActivity,
  type NormalisedAddress,
  type NormalisedBusiness,
  type NormalisedContacts,
  type NormalisedGeoPoint,
  type NormalisedLocalizedText,
  type ValidationContext,
  type ValidationResult,
} from './business-input';
export { parseEmail, parsePhone, parseWebsite } from './contacts';
export { checkLatitude, checkLongitude, validateGeoPoint } from './coordinates';
export {
  LA_POSTE_SIREN,
  belgianCheckDigits,
  isLuhnValid,
  luhnCheckDigit,
  parseBelgianEnterpriseNumber,
  parseBelgianEstablishmentNumber,
  parseSiren,
  parseSiret,
} from './identifiers';
export {
  DAYS,
  normaliseOpeningHours,
  parseOpeningHours,
  validateOpeningHours,
  type Day,
  type OpeningHoursRule,
  type TimeRange,
} from './opening-hours';
export { validatePostalCode } from './postal';
export type { Parsed } from './result';
export { TEXT_LIMITS, checkLength, optionalText, requiredText, type TextOptions } from './text';
