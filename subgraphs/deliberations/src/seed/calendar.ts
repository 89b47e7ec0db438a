import type { Faker } from '@faker-js/faker';
import type { Country } from '@communes/kit';
import { int } from './random';

export type BodyKind = 'COUNCIL' | 'COLLEGE';

/** A meeting's slot: local calendar date and time, and the instants they are in UTC. */
export interface MeetingSlot {
  kind: BodyKind;
  /** `YYYY-MM-DD` in the commune's time zone. */
  date: string;
  startsAt: Date;
  endsAt: Date;
  /** The first sitting of a newly elected council (Belgium, December 2024). */
  installation: boolean;
}

/** Walloon councils sit monthly but in July and August; Lille about seven times a year. */
const COUNCIL_MONTHS: Record<Country, readonly number[]> = {
  BE: [1, 2, 3, 4, 5, 6, 9, 10, 11, 12],
  FR: [2, 3, 4, 6, 7, 10, 12],
};

/** Walloon councils elected on 13 October 2024 were installed on Monday 2 December. */
export const BE_INSTALLATION = '2024-12-02';

/**
 * Every meeting of `years` calendar years ending with `lastYear`: the council monthly on a
 * weekday of its own, the Belgian college weekly but at the summer and Christmas breaks.
 */
export function meetingSlots(
  faker: Faker,
  country: Country,
  timeZone: string,
  years: number,
  lastYear: number,
  withCollege: boolean,
): MeetingSlot[] {
  const councilWeekday = int(faker, 1, 4);
  const collegeWeekday = int(faker, 1, 5);
  const slots: MeetingSlot[] = [];
  for (let year = lastYear - years + 1; year <= lastYear; year++) {
    for (const month of COUNCIL_MONTHS[country]) {
      const day = nthWeekday(year, month, councilWeekday, int(faker, 3, 4));
      const [hour, minute] = country === 'BE' ? [19, 30] : [18, 0];
      slots.push(slot('COUNCIL', day, hour, minute, int(faker, 150, 270), timeZone));
    }
    if (country === 'BE' && year === Number(BE_INSTALLATION.slice(0, 4))) {
      slots.push({ ...slot('COUNCIL', BE_INSTALLATION, 19, 0, 120, timeZone), installation: true });
    }
    if (!withCollege) continue;
    for (let day = firstWeekday(year, collegeWeekday); day.startsWith(String(year));) {
      if (!inBreak(day)) slots.push(slot('COLLEGE', day, 9, 0, int(faker, 90, 180), timeZone));
      day = addDays(day, 7);
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** The college does not sit from 15 July to 15 August, nor between Christmas and New Year. */
function inBreak(date: string): boolean {
  const monthDay = date.slice(5);
  return (monthDay >= '07-15' && monthDay <= '08-15') || monthDay >= '12-24';
}

function slot(
  kind: BodyKind,
  date: string,
  hour: number,
  minute: number,
  minutes: number,
  timeZone: string,
): MeetingSlot {
  const startsAt = zonedTime(date, hour, minute, timeZone);
  return {
    kind,
    date,
    startsAt,
    endsAt: new Date(startsAt.getTime() + minutes * 60_000),
    installation: false,
  };
}

/** The UTC instant of a local wall-clock time; meetings never fall in a DST change's gap. */
export function zonedTime(date: string, hour: number, minute: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(guess));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
  );
  return new Date(guess - (local - guess));
}

/** The `n`th given weekday (1 = Monday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return new Date(Date.UTC(year, month - 1, 1 + offset + 7 * (n - 1))).toISOString().slice(0, 10);
}

function firstWeekday(year: number, weekday: number): string {
  return nthWeekday(year, 1, weekday, 1);
}

function isoWeekday(date: Date): number {
  return ((date.getUTCDay() + 6) % 7) + 1;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** `1er décembre 2024`, `27 janvier 2025`. */
export function frenchDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = new Intl.DateTimeFormat('fr-BE', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
  return `${d === 1 ? '1er' : d} ${month} ${y}`;
}
