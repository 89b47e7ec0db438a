import { parseDate } from '@communes/kit';

export const TEXT_LIMITS = {
  title: 500,
  description: 10_000,
  motivation: 50_000,
  decision: 50_000,
  proposingGroup: 200,
  location: 500,
  comment: 2_000,
  name: 200,
} as const;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant written in ISO 8601 with its offset (`2026-03-12T19:30:00+01:00`), or null. */
export function parseInstant(value: string): Date | null {
  const text = value.trim();
  if (!DATE_TIME.test(text) || parseDate(text.slice(0, 10)) === null) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const INSTANT_FORMAT =
  'an ISO 8601 date and time with its offset (2026-03-12T19:30:00+01:00)';

export { Problems, definedFields, isUuid, parseDate } from '@communes/kit';
