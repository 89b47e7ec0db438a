import { z } from 'zod';
import {
  isCountryCode,
  isEmail,
  isHttpUrl,
  isRepositoryUrl,
  languageTagProblem,
  parseDate,
  spdxLicenseIds,
} from './checks';
import {
  CATEGORIES,
  DEVELOPMENT_STATUSES,
  MAINTENANCE_TYPES,
  SCOPES,
  SOFTWARE_TYPES,
  SUPPORTED_VERSIONS,
} from './vocabulary';

/**
 * The publiccode.yml keys (schema.core.rst), as zod schemas. Unknown keys are refused, so
 * that a typo (`shortDescripton`) is named rather than ignored; the checks that span keys
 * (maintenance contacts, at least one long description) are in cross-checks.ts.
 */

const text = z.string().trim().min(1, 'must not be empty');
const httpUrl = text.refine(isHttpUrl, 'must be a web address (http or https)');
const date = text.refine((v) => parseDate(v) !== null, 'must be a date YYYY-MM-DD that exists');
const email = text.refine((v) => isEmail(v), 'must be an email address');
const languageTag = text.superRefine((value, ctx) => {
  const problem = languageTagProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
/** Text of at most `max` characters, as the standard counts them (Unicode code points). */
const maxChars = (max: number) =>
  text.superRefine((value, ctx) => {
    const length = [...value].length;
    if (length > max) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${max} characters (has ${length})`,
      });
    }
  });
const oneOf = (values: readonly string[], what: string) =>
  text.refine((v) => values.includes(v), `must be one of the publiccode.yml ${what}`);
/** A string, or a list of them: the standard allows both for these keys. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(item));

const dependency = z.strictObject({
  name: text,
  versionMin: text.optional(),
  versionMax: text.optional(),
  version: text.optional(),
  optional: z.boolean().optional(),
});

const contact = z.strictObject({
  name: text,
  email: email.optional(),
  phone: text.optional(),
  affiliation: text.optional(),
});

const contractor = z.strictObject({
  name: text,
  until: date,
  email: email.optional(),
  website: httpUrl.optional(),
});

const organisation = z.strictObject({ name: text, uri: text.optional() });

export const descriptionSchema = z.strictObject({
  localisedName: text.optional(),
  genericName: maxChars(35).optional(),
  shortDescription: maxChars(150),
  longDescription: maxChars(10_000)
    .refine((v) => [...v].length >= 150, 'must be at least 150 characters')
    .optional(),
  documentation: httpUrl.optional(),
  apiDocumentation: httpUrl.optional(),
  features: z.array(text).min(1, 'must list at least one feature').optional(),
  screenshots: z.array(text).optional(),
  videos: z.array(httpUrl).optional(),
  awards: z.array(text).optional(),
});

export const publiccodeSchema = z.strictObject({
  publiccodeYmlVersion: text.refine(
    (v) => (SUPPORTED_VERSIONS as readonly string[]).includes(v),
    `must be a version this network reads: ${SUPPORTED_VERSIONS.filter((v) => v.length === 3).join(', ')}`,
  ),
  name: text,
  applicationSuite: text.optional(),
  url: text.refine(isRepositoryUrl, 'must be the address of the source repository'),
  landingURL: httpUrl.optional(),
  isBasedOn: listOf(text.refine(isRepositoryUrl, 'must be a repository address')).optional(),
  organisation: organisation.optional(),
  organizationUri: text.optional(),
  fundedBy: z.array(organisation).optional(),
  softwareVersion: text.optional(),
  releaseDate: date.optional(),
  logo: text.optional(),
  monochromeLogo: text.optional(),
  inputTypes: z.array(text).optional(),
  outputTypes: z.array(text).optional(),
  platforms: listOf(text).pipe(z.array(text).min(1, 'must name at least one platform')),
  categories: z.array(oneOf(CATEGORIES, 'categories')).min(1, 'must name at least one category'),
  usedBy: z.array(text).optional(),
  roadmap: httpUrl.optional(),
  developmentStatus: z.enum(DEVELOPMENT_STATUSES),
  softwareType: z.enum(SOFTWARE_TYPES),
  intendedAudience: z
    .strictObject({
      countries: z
        .array(text.refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code'))
        .optional(),
      unsupportedCountries: z
        .array(text.refine(isCountryCode, 'must be an ISO 3166-1 alpha-2 country code'))
        .optional(),
      scope: z.array(oneOf(SCOPES, 'scopes')).optional(),
    })
    .optional(),
  description: z.record(z.string(), descriptionSchema),
  legal: z.strictObject({
    license: text.refine(
      (v) => spdxLicenseIds(v) !== null,
      'must be a valid SPDX licence expression, e.g. EUPL-1.2 or AGPL-3.0-or-later',
    ),
    mainCopyrightOwner: text.optional(),
    repoOwner: text.optional(),
    authorsFile: text.optional(),
  }),
  maintenance: z.strictObject({
    type: z.enum(MAINTENANCE_TYPES),
    contractors: z.array(contractor).optional(),
    contacts: z.array(contact).optional(),
  }),
  localisation: z.strictObject({
    localisationReady: z.boolean(),
    availableLanguages: z.array(languageTag).min(1, 'must name at least one language'),
  }),
  dependsOn: z
    .strictObject({
      open: z.array(dependency).optional(),
      proprietary: z.array(dependency).optional(),
      hardware: z.array(dependency).optional(),
    })
    .optional(),
});

export type PubliccodeData = z.output<typeof publiccodeSchema>;
export type DescriptionData = z.output<typeof descriptionSchema>;
