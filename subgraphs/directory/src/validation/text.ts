import type { FieldProblem } from '@communes/kit';

/** Maximum lengths in characters, except where noted; the service and the UI read them here. */
export const TEXT_LIMITS = {
  name: 200,
  commercialName: 200,
  legalForm: 50,
  street: 200,
  number: 20,
  box: 20,
  locality: 100,
  /** Per language. */
  description: 5000,
  /** Entries of the list, not characters. */
  openingHours: 14,
  /** Characters of one entry; the longest sensible one (all days, five ranges) is ~80. */
  openingHoursEntry: 100,
} as const;

/** Characters as people count them: code points, as PostgreSQL's `length()` does. */
const characterCount = (value: string): number => [...value].length;

/** A problem on `field` when `value` is longer than `max` characters. */
export function checkLength(field: string, value: string, max: number): FieldProblem | null {
  const count = characterCount(value);
  return count > max ? { field, reason: `must be at most ${max} characters (got ${count})` } : null;
}

export interface TextOptions {
  /** Allows line breaks and tabs (descriptions); other fields are one line. */
  multiline?: boolean;
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;
// Control characters other than tab and line breaks, which multi-line text may hold.
const CONTROL = /(?![\t\n\r])\p{Cc}/u;

/** Trimmed and NFC-normalised, so that `é` typed either way is stored and searched alike. */
const clean = (raw: string): string => raw.trim().normalize('NFC');

function checkCharacters(field: string, value: string, options: TextOptions): FieldProblem | null {
  if (!options.multiline && LINE_BREAK.test(value)) {
    return { field, reason: 'must be on one line' };
  }
  if (CONTROL.test(value) || (!options.multiline && value.includes('\t'))) {
    return { field, reason: 'must not contain control characters' };
  }
  return null;
}

/** A required text: problems are pushed onto `problems`; the cleaned text is returned. */
export function requiredText(
  problems: FieldProblem[],
  field: string,
  raw: string,
  max: number,
  options: TextOptions = {},
): string {
  const value = clean(raw);
  const problem =
    value === ''
      ? { field, reason: 'must not be empty' }
      : (checkCharacters(field, value, options) ?? checkLength(field, value, max));
  if (problem) problems.push(problem);
  return value;
}

/** An optional text: absent, null or blank all give null (for an update: cleared). */
export function optionalText(
  problems: FieldProblem[],
  field: string,
  raw: string | null | undefined,
  max: number,
  options: TextOptions = {},
): string | null {
  const value = clean(raw ?? '');
  if (value === '') return null;
  const problem = checkCharacters(field, value, options) ?? checkLength(field, value, max);
  if (problem) problems.push(problem);
  return value;
}
