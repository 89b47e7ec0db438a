import type { Faker } from '@faker-js/faker';
import type { Country } from '@communes/kit';
import type { OrganizationSpec } from '../organization.service';
import { BE_INSTALLATION, addDays, type BodyKind } from './calendar';
import { chance } from './random';
import type { SeedCommuneProfile } from './seed-communes';
import { WORDING } from './wording';

/** A seat in a body for one term; `name` is the person's key (the core dedups people by it). */
export interface SeedMember {
  name: string;
  givenName: string;
  familyName: string;
  role: string;
  votingRight: boolean;
  /** In the majority that supports the college or the mayor: how they vote on political items. */
  majority: boolean;
  female: boolean;
}

export interface SeedTerm {
  startDate: string;
  endDate: string | null;
  members: SeedMember[];
}

export interface SeedBody {
  kind: BodyKind;
  name: string;
  terms: SeedTerm[];
}

/** Terms of office the two years cross: Belgium changed councils in December 2024. */
const TERMS: Record<Country, readonly string[]> = {
  BE: ['2018-12-03', BE_INSTALLATION],
  FR: ['2020-07-03'],
};

/** Councillors re-elected for the next term keep their seat (and their person). */
const RE_ELECTED = 0.6;

/**
 * The council (and the Belgian college) with their members for every term, the college drawn
 * from the council's majority. The directeur général sits in both without a vote.
 */
export function generateBodies(faker: Faker, profile: SeedCommuneProfile): SeedBody[] {
  const words = WORDING[profile.country];
  const names = new Set<string>();
  const council: SeedBody = { kind: 'COUNCIL', name: words.council, terms: [] };
  const college: SeedBody = { kind: 'COLLEGE', name: words.college, terms: [] };
  const starts = TERMS[profile.country];
  let previous: SeedMember[] = [];
  starts.forEach((startDate, i) => {
    const next = starts[i + 1];
    const endDate = next ? addDays(next, -1) : null;
    const people = councilPeople(faker, profile, previous, names);
    const members = withRoles(profile, people);
    const director = person(faker, names);
    const dg = profile.country === 'BE' ? 'Directeur général' : 'Directeur général des services';
    const secretary: SeedMember = { ...director, role: dg, votingRight: false, majority: false };
    council.terms.push({ startDate, endDate, members: [...members, secretary] });
    // The college: the mayor, the aldermen and the CPAS president, all of the council.
    const executive = members.filter((m) => !m.role.startsWith('Conseill'));
    if (profile.collegeSize > 0) {
      college.terms.push({ startDate, endDate, members: [...executive, secretary] });
    }
    previous = members;
  });
  return profile.collegeSize > 0 ? [council, college] : [council];
}

type Person = Pick<SeedMember, 'name' | 'givenName' | 'familyName' | 'female'>;

function councilPeople(
  faker: Faker,
  profile: SeedCommuneProfile,
  previous: readonly SeedMember[],
  names: Set<string>,
): Person[] {
  const kept = previous.filter(() => chance(faker, RE_ELECTED));
  const fresh = Array.from({ length: profile.councilSize - kept.length }, () =>
    person(faker, names),
  );
  return faker.helpers.shuffle([...kept, ...fresh]);
}

/** A name never used before in this commune: two members must not merge into one person. */
function person(faker: Faker, names: Set<string>): Person {
  for (;;) {
    const female = chance(faker, 0.45);
    const givenName = faker.person.firstName(female ? 'female' : 'male');
    const familyName = faker.person.lastName();
    const name = `${givenName} ${familyName}`;
    if (names.has(name)) continue;
    names.add(name);
    return { name, givenName, familyName, female };
  }
}

/** Mayor first, then the aldermen (and CPAS president), then councillors; ~58 % majority. */
function withRoles(profile: SeedCommuneProfile, people: Person[]): SeedMember[] {
  const majoritySeats = Math.ceil(profile.councilSize * 0.58);
  const aldermen =
    profile.country === 'BE' ? profile.collegeSize - 2 : Math.round(profile.councilSize / 3.5);
  return people.map((p, i) => {
    const { name, givenName, familyName, female } = p;
    const base = { name, givenName, familyName, female, votingRight: true };
    const majority = i < majoritySeats;
    if (i === 0) return { ...base, majority, role: WORDING[profile.country].mayor };
    if (i <= aldermen) return { ...base, majority, role: aldermanRole(profile.country, p.female) };
    if (profile.country === 'BE' && i === aldermen + 1) {
      return { ...base, majority, role: p.female ? 'Présidente du CPAS' : 'Président du CPAS' };
    }
    return { ...base, majority, role: councillorRole(profile.country, p.female) };
  });
}

function aldermanRole(country: Country, female: boolean): string {
  if (country === 'BE') return female ? 'Échevine' : 'Échevin';
  return female ? 'Adjointe au Maire' : 'Adjoint au Maire';
}

function councillorRole(country: Country, female: boolean): string {
  const noun = female ? 'Conseillère' : 'Conseiller';
  return `${noun} ${country === 'BE' ? 'communal' : 'municipal'}${female ? 'e' : ''}`;
}

/** The bodies as the core's `ensureOrganizations` takes them: every term's seats. */
export function organizationSpecs(bodies: readonly SeedBody[]): OrganizationSpec[] {
  return bodies.map((body) => ({
    name: body.name,
    kind: body.kind,
    members: body.terms.flatMap((term) =>
      term.members.map((m) => ({
        givenName: m.givenName,
        familyName: m.familyName,
        role: m.role,
        votingRight: m.votingRight,
        startDate: term.startDate,
        endDate: term.endDate,
      })),
    ),
  }));
}

/** The term of a body in force on a date. */
export function termOn(body: SeedBody, date: string): SeedTerm {
  const term = body.terms.find(
    (t) => t.startDate <= date && (t.endDate === null || date <= t.endDate),
  );
  if (!term) throw new Error(`${body.name} has no term on ${date}`);
  return term;
}
