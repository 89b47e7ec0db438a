import {
  COMMUNE_CODE_FORMAT,
  CONTROL_CHARACTERS,
  countryOf,
  hasControlCharacters,
  isCommuneCode,
  type Country,
  type FieldProblem,
} from '@communes/kit';
import type { CommuneEndpoint, CommuneNames } from './commune.entity';
import type { CommuneSubgraphInput, RegisterCommuneInput } from './generated/graphql';

const MAX_NAME = 100;
const MAX_URL = 500;
const MAX_REASON = 500;

/** A registration as it will be stored, once every problem is ruled out. */
export interface Registration {
  code: string;
  name: string;
  names: CommuneNames;
  country: Country;
  region: string | null;
  website: string | null;
  subgraphs: CommuneEndpoint[];
}

export interface Checked<T> {
  problems: FieldProblem[];
  value: T;
}

/** Checks every field of a registration and reports all problems at once, in field order. */
export function checkRegistration(
  input: RegisterCommuneInput,
  subgraphNames: readonly string[],
): Checked<Registration> {
  const problems: FieldProblem[] = [];
  const problem = (field: string, reason: string) => problems.push({ field, reason });
  const codeOk = isCommuneCode(input.code);
  if (!codeOk) problem('input.code', `must be ${COMMUNE_CODE_FORMAT} (BE-92094, FR-59350)`);
  const name = requiredText(input.name, 'input.name', problem);
  const nameIn = (lang: keyof CommuneNames) =>
    optionalText(input.names?.[lang], `input.names.${lang}`, problem);
  const names: CommuneNames = {
    fr: nameIn('fr'),
    nl: nameIn('nl'),
    de: nameIn('de'),
    en: nameIn('en'),
  };
  const country = codeOk ? countryOf(input.code) : (input.country ?? 'BE');
  if (codeOk && input.country && input.country !== country) {
    problem('input.country', `must match the code's prefix: ${input.code} is in ${country}`);
  }
  const region = optionalText(input.region, 'input.region', problem);
  const website = input.website == null ? null : httpUrl(input.website, 'input.website', problem);
  const subgraphs = checkEndpoints(input.subgraphs, 'input.subgraphs', subgraphNames);
  problems.push(...subgraphs.problems);
  return {
    problems,
    value: { code: input.code, name, names, country, region, website, subgraphs: subgraphs.value },
  };
}

/**
 * Checks a list of endpoints: contract subgraph names, each once, http(s) URLs. The value
 * keeps the input's order and indices, so a problem found later can name `field[i]`.
 */
export function checkEndpoints(
  endpoints: readonly CommuneSubgraphInput[],
  field: string,
  subgraphNames: readonly string[],
): Checked<CommuneEndpoint[]> {
  const problems: FieldProblem[] = [];
  const problem = (path: string, reason: string) => problems.push({ field: path, reason });
  if (endpoints.length === 0) problem(field, 'must list at least one subgraph endpoint');
  const seen = new Set<string>();
  const value = endpoints.map((endpoint, i) => {
    const name = endpoint.name.trim();
    if (!subgraphNames.includes(name)) {
      problem(
        `${field}[${i}].name`,
        `must be a subgraph of the contract: ${subgraphNames.join(', ')}`,
      );
    } else if (seen.has(name)) {
      problem(`${field}[${i}].name`, `${name} is listed more than once`);
    }
    seen.add(name);
    return { name, url: httpUrl(endpoint.url, `${field}[${i}].url`, problem) };
  });
  return { problems, value };
}

/** Why a commune is suspended: required, short. */
export function checkReason(reason: string, field: string): Checked<string> {
  const problems: FieldProblem[] = [];
  const value = requiredText(
    reason,
    field,
    (f, r) => problems.push({ field: f, reason: r }),
    MAX_REASON,
  );
  return { problems, value };
}

export function checkCode(code: string, field: string): FieldProblem[] {
  return isCommuneCode(code) ? [] : [{ field, reason: `must be ${COMMUNE_CODE_FORMAT}` }];
}

type Report = (field: string, reason: string) => void;

function requiredText(value: string, field: string, problem: Report, max = MAX_NAME): string {
  const text = value.trim();
  if (text.length === 0) problem(field, 'must not be empty');
  else if (hasControlCharacters(text)) problem(field, CONTROL_CHARACTERS);
  else if (text.length > max) problem(field, `must be at most ${max} characters`);
  return text;
}

/** Null or absent clears the field; an empty string is a mistake, not a way to clear it. */
function optionalText(
  value: string | null | undefined,
  field: string,
  problem: Report,
): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length === 0) problem(field, 'must not be empty (leave it out instead)');
  else if (hasControlCharacters(text)) problem(field, CONTROL_CHARACTERS);
  else if (text.length > MAX_NAME) problem(field, `must be at most ${MAX_NAME} characters`);
  return text;
}

function httpUrl(value: string, field: string, problem: Report): string {
  const text = value.trim();
  if (text.length > MAX_URL) {
    problem(field, `must be at most ${MAX_URL} characters`);
    return text;
  }
  if (hasControlCharacters(text)) {
    problem(field, CONTROL_CHARACTERS);
    return text;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    problem(field, 'must be an absolute http or https URL');
    return text;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problem(field, `must be an http or https URL, not ${url.protocol}`);
  } else if (url.username || url.password) {
    // Stored URLs are public in the registry: credentials have no place in them.
    problem(field, 'must not carry a user name or password');
  }
  return text;
}
