import { base, Faker, fr, fr_BE } from '@faker-js/faker';
import type { Country } from '@communes/kit';

/** A Faker of the commune's language, seeded by the seed and the commune: same input, same data. */
export function seededFaker(communeCode: string, country: Country, seed: number): Faker {
  const faker = new Faker({ locale: country === 'BE' ? [fr_BE, fr, base] : [fr, base] });
  faker.seed([seed >>> 0, Math.floor(seed / 2 ** 32) >>> 0, hashString(communeCode)]);
  return faker;
}

function hashString(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return hash >>> 0;
}

export function chance(faker: Faker, probability: number): boolean {
  return faker.number.float({ min: 0, max: 1 }) < probability;
}

export function int(faker: Faker, min: number, max: number): number {
  return faker.number.int({ min, max });
}

export function pick<T>(faker: Faker, values: readonly T[]): T {
  return faker.helpers.arrayElement(values);
}

/** `125 000 €`, rounded to a plausible precision for an estimate. */
export function euros(faker: Faker, min: number, max: number, step = 100): string {
  const amount = Math.round(faker.number.int({ min, max }) / step) * step;
  return `${new Intl.NumberFormat('fr-BE').format(amount).replace(/\s/g, ' ')} €`;
}

/** `Monsieur Jean Dupont`: a private person named in a decision, to be masked when published. */
export function citizen(faker: Faker): string {
  const female = chance(faker, 0.5);
  const sex = female ? 'female' : 'male';
  return `${female ? 'Madame' : 'Monsieur'} ${faker.person.firstName(sex)} ${faker.person.lastName()}`;
}

/** The `[[personal: …]]` marker the core masks for anyone but the commune's staff. */
export const personal = (text: string): string => `[[personal: ${text}]]`;
