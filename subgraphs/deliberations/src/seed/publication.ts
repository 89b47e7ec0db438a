import type { Faker } from '@faker-js/faker';
import { chance, int } from './random';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * When a meeting's decisions were published: most within a week or two of the meeting (the
 * minutes are approved, then posted), some a few weeks later (summer, a long agenda).
 * Drawn from its own Faker, so that adding it left the rest of the generated data unchanged.
 */
export function publicationOf(faker: Faker, endsAt: Date): Date {
  const days = chance(faker, 0.2) ? int(faker, 15, 35) : int(faker, 2, 14);
  // Published during office hours of a later day: 9 to 17 hours after the meeting's evening.
  return new Date(endsAt.getTime() + days * DAY_MS + int(faker, 9, 17) * HOUR_MS);
}
