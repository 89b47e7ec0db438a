import { COMMUNE_CODE_FORMAT, Problems, foldText, isCommuneCode, parseDate } from '@communes/kit';
import isEmail from 'validator/lib/isEmail';
import type { AdoptionStatus } from './adoption.entity';
import type { AdoptComponentInput, ReferentInput } from './generated/graphql';
import { isRepositoryUrl } from './publiccode';

export const ADOPTION_LIMITS = { url: 2_000, name: 200, version: 100, role: 200 } as const;

/** The adoption's columns as the input sets them; `since` defaults to today. */
export interface AdoptionFields {
  componentUrl: string;
  componentName: string;
  componentNameSort: string;
  publisherCode: string | null;
  version: string | null;
  status: AdoptionStatus;
  since: string;
  referentName: string;
  referentEmail: string;
  referentRole: string | null;
}

/** Checks an adoption as it would be stored; every problem is added with its input path. */
export function checkAdoptionFields(
  input: Omit<AdoptComponentInput, 'since' | 'status'> & {
    since?: string | null;
    status?: AdoptionStatus | null;
  },
  problems: Problems,
  today: string,
): AdoptionFields {
  const componentUrl = problems.required(
    'input.componentUrl',
    input.componentUrl,
    ADOPTION_LIMITS.url,
  );
  if (componentUrl && !isRepositoryUrl(componentUrl)) {
    problems.add(
      'input.componentUrl',
      'must be the address of the source repository (publiccode.yml url)',
    );
  }
  const componentName = problems.required(
    'input.componentName',
    input.componentName,
    ADOPTION_LIMITS.name,
  );
  const publisherCode = input.publisherCode?.trim() || null;
  if (publisherCode && !isCommuneCode(publisherCode)) {
    problems.add('input.publisherCode', `must be a commune code: ${COMMUNE_CODE_FORMAT}`);
  }
  const status = input.status ?? 'EVALUATING';
  if (status === 'RETIRED') {
    problems.add('input.status', 'must be EVALUATING or IN_PRODUCTION; retireAdoption retires');
  }
  const since = checkDay('input.since', input.since ?? today, problems, today);
  return {
    componentUrl,
    componentName,
    componentNameSort: foldText(componentName),
    publisherCode,
    version: problems.optional('input.version', input.version, ADOPTION_LIMITS.version),
    status,
    since: since ?? today,
    ...checkReferent(input.referent, problems),
  };
}

function checkReferent(referent: ReferentInput, problems: Problems) {
  const referentName = problems.required(
    'input.referent.name',
    referent.name,
    ADOPTION_LIMITS.name,
  );
  const referentEmail = referent.email.trim();
  if (!isEmail(referentEmail)) {
    problems.add('input.referent.email', 'must be an email address, e.g. it@namur.be');
  }
  return {
    referentName,
    referentEmail,
    referentRole: problems.optional('input.referent.role', referent.role, ADOPTION_LIMITS.role),
  };
}

/** A date `YYYY-MM-DD` that exists and is not after today; null (with a problem) otherwise. */
export function checkDay(
  field: string,
  value: string,
  problems: Problems,
  today: string,
): string | null {
  const day = parseDate(value);
  if (!day) {
    problems.add(field, 'must be a date YYYY-MM-DD that exists, e.g. 2025-09-01');
    return null;
  }
  if (day > today) {
    problems.add(field, `must not be after today (${today})`);
    return null;
  }
  return day;
}

/** Today in Belgium and France (one time zone), as `YYYY-MM-DD`. */
export function today(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}
