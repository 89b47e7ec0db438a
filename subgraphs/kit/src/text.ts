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
