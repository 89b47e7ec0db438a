import type { z } from 'zod';
import type { FieldProblem } from '@communes/kit';
import { canonicalTag, spdxLicenseIds } from './checks';
import { crossCheck, type KeyProblem } from './cross-checks';
import { lineOf, readYaml, type ReadYaml } from './read-yaml';
import { publiccodeSchema, type PubliccodeData } from './schema';
import type { DevelopmentStatusValue, MaintenanceTypeValue, SoftwareTypeValue } from './vocabulary';

export interface PubliccodeDescription {
  language: string;
  localisedName: string | null;
  shortDescription: string;
  longDescription: string | null;
  documentation: string | null;
  apiDocumentation: string | null;
  features: string[];
  screenshots: string[];
}

export interface PubliccodeDependency {
  kind: 'OPEN' | 'PROPRIETARY' | 'HARDWARE';
  name: string;
  versionMin: string | null;
  versionMax: string | null;
  version: string | null;
  optional: boolean;
}

export interface PubliccodeMaintenance {
  type: MaintenanceTypeValue;
  contacts: {
    name: string;
    email: string | null;
    phone: string | null;
    affiliation: string | null;
  }[];
  contractors: { name: string; until: string; email: string | null; website: string | null }[];
}

/** What the network keeps of a valid publiccode.yml. */
export interface Publiccode {
  version: string;
  name: string;
  applicationSuite: string | null;
  url: string;
  landingUrl: string | null;
  softwareVersion: string | null;
  releaseDate: string | null;
  developmentStatus: DevelopmentStatusValue;
  softwareType: SoftwareTypeValue;
  platforms: string[];
  categories: string[];
  license: string;
  licenseIds: string[];
  mainCopyrightOwner: string | null;
  descriptions: PubliccodeDescription[];
  maintenance: PubliccodeMaintenance;
  languages: string[];
  scope: string[];
  dependsOn: PubliccodeDependency[];
}

export type Validated = { publiccode: Publiccode } | { problems: FieldProblem[] };

/**
 * Reads and validates a publiccode.yml. Every problem is reported at once, each with the key
 * path in the file (`description.fr.shortDescription`) and its line.
 */
export function validatePubliccode(text: string): Validated {
  const read = readYaml(text);
  if ('problems' in read) return read;
  const data = read.data as Record<string, unknown>;
  const parsed = publiccodeSchema.safeParse(withoutCountrySections(data), { error: reasonFor });
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.flatMap(keyProblems)),
    ...crossCheck(data),
  ];
  if (problems.length > 0 || !parsed.success) return { problems: located(read, problems) };
  return { publiccode: toPubliccode(parsed.data) };
}

/**
 * Country-specific sections (`it`, `IT`: two letters) belong to their countries' extensions:
 * kept in the file as published, not checked here.
 */
function withoutCountrySections(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key]) => !/^[a-z]{2}$/i.test(key)));
}

/** Reasons for zod's own checks; the schema's refinements carry theirs. */
function reasonFor(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(issue.input)}`;
    case 'invalid_value':
      if (issue.input === undefined) return 'is required';
      return `must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return undefined;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping of keys',
  record: 'a mapping of keys',
  boolean: 'true or false',
};

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'boolean') return String(value);
  return `"${String(value)}"`;
}

function keyProblems(issue: z.core.$ZodIssue): KeyProblem[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: [...path, key],
      reason: 'is not a publiccode.yml key',
    }));
  }
  return [{ path, reason: issue.message }];
}

function located(read: ReadYaml, problems: KeyProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  const list: FieldProblem[] = [];
  for (const { path, reason } of problems) {
    const field = keyPath(path);
    if (seen.has(`${field}\n${reason}`)) continue;
    seen.add(`${field}\n${reason}`);
    const line = lineOf(read, path);
    list.push({ field, reason, ...(line !== undefined ? { line } : {}) });
  }
  return list;
}

/** `['maintenance', 'contacts', 0, 'email']` is `maintenance.contacts[0].email`. */
export function keyPath(path: readonly (string | number)[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function toPubliccode(data: PubliccodeData): Publiccode {
  const dependencies = (kind: PubliccodeDependency['kind'], list = data.dependsOn?.[key(kind)]) =>
    (list ?? []).map((d) => ({
      kind,
      name: d.name,
      versionMin: d.versionMin ?? null,
      versionMax: d.versionMax ?? null,
      version: d.version ?? null,
      optional: d.optional ?? false,
    }));
  return {
    version: data.publiccodeYmlVersion,
    name: data.name,
    applicationSuite: data.applicationSuite ?? null,
    url: data.url,
    landingUrl: data.landingURL ?? null,
    softwareVersion: data.softwareVersion ?? null,
    releaseDate: data.releaseDate ?? null,
    developmentStatus: data.developmentStatus,
    softwareType: data.softwareType,
    platforms: data.platforms,
    categories: [...new Set(data.categories)],
    license: data.legal.license,
    licenseIds: spdxLicenseIds(data.legal.license) ?? [],
    mainCopyrightOwner: data.legal.mainCopyrightOwner ?? null,
    descriptions: Object.entries(data.description).map(([language, d]) => ({
      language: canonicalTag(language),
      localisedName: d.localisedName ?? null,
      shortDescription: d.shortDescription,
      longDescription: d.longDescription ?? null,
      documentation: d.documentation ?? null,
      apiDocumentation: d.apiDocumentation ?? null,
      features: d.features ?? [],
      screenshots: d.screenshots ?? [],
    })),
    maintenance: {
      type: data.maintenance.type,
      contacts: (data.maintenance.contacts ?? []).map((c) => ({
        name: c.name,
        email: c.email ?? null,
        phone: c.phone ?? null,
        affiliation: c.affiliation ?? null,
      })),
      contractors: (data.maintenance.contractors ?? []).map((c) => ({
        name: c.name,
        until: c.until,
        email: c.email ?? null,
        website: c.website ?? null,
      })),
    },
    languages: [...new Set(data.localisation.availableLanguages.map(canonicalTag))],
    scope: data.intendedAudience?.scope ?? [],
    dependsOn: [
      ...dependencies('OPEN'),
      ...dependencies('PROPRIETARY'),
      ...dependencies('HARDWARE'),
    ],
  };
}

function key(kind: PubliccodeDependency['kind']): 'open' | 'proprietary' | 'hardware' {
  return kind === 'OPEN' ? 'open' : kind === 'PROPRIETARY' ? 'proprietary' : 'hardware';
}
