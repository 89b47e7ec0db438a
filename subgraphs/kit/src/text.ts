/**
 * Text as every node and the hub compare it: accents removed, lower case, ASCII letters and
 * digits only. Sort keys and search documents use it, so that PostgreSQL (`COLLATE "C"`),
 * PGlite and JavaScript order them the same way.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Control characters other than tab and line breaks; PostgreSQL cannot even store U+0000.
const CONTROL = /(?![\t\n\r])\p{Cc}/u;

export const CONTROL_CHARACTERS = 'must not contain control characters';

/** Whether text holds a control character other than tab, line feed or carriage return. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}
