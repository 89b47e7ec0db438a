import type { FieldProblem } from '@communes/kit';

/** Collects every problem of an input, so that one answer names them all. */
export class Problems {
  readonly list: FieldProblem[] = [];

  add(field: string, reason: string): void {
    this.list.push({ field, reason });
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  /** Trimmed, non-empty text of at most `max` characters. */
  required(field: string, value: string, max: number): string {
    const text = value.trim();
    if (text.length === 0) this.add(field, 'must not be empty');
    else if (text.length > max) this.add(field, `must be at most ${max} characters`);
    return text;
  }

  /** Like `required`, but empty or missing text is stored as null. */
  optional(field: string, value: string | null | undefined, max: number): string | null {
    const text = value?.trim() ?? '';
    if (text.length > max) this.add(field, `must be at most ${max} characters`);
    return text.length > 0 ? text : null;
  }
}

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

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists, or null. */
export function parseDate(value: string): string | null {
  const match = DATE.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const exists = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1;
  return exists && date.getUTCDate() === d ? value.trim() : null;
}

/** An instant written in ISO 8601 with its offset (`2026-03-12T19:30:00+01:00`), or null. */
export function parseInstant(value: string): Date | null {
  const text = value.trim();
  if (!DATE_TIME.test(text) || parseDate(text.slice(0, 10)) === null) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const INSTANT_FORMAT =
  'an ISO 8601 date and time with its offset (2026-03-12T19:30:00+01:00)';

export { definedFields, isUuid } from '@communes/kit';
