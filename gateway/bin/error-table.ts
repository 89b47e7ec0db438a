/**
 * Writes the README's table of error codes from the one registry, `@communes/kit`'s
 * `ErrorCodes` (`npm run docs:errors`), between its two markers. CI regenerates it and fails on
 * a difference, and so does error-table.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ERROR_CODES, ErrorCodes, type ErrorCodeDefinition } from '@communes/kit';

export const README = join(__dirname, '..', '..', 'README.md');
export const TABLE_START = '<!-- error-codes:start -->';
export const TABLE_END = '<!-- error-codes:end -->';

const WHERE = { node: 'node', hub: 'hub', both: 'node, hub' } as const;

/** The table as Prettier writes it, so that `npm run format:check` finds nothing to change. */
export async function errorTable(): Promise<string> {
  const rows = ERROR_CODES.map((code) => {
    const definition: ErrorCodeDefinition = ErrorCodes[code];
    return [
      `\`${code}\``,
      WHERE[definition.origin],
      definition.httpStatus ?? '',
      meaning(definition),
    ];
  });
  const markdown = [['code', 'where', 'HTTP', 'meaning'], ['-', '-', '-', '-'], ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
  const options = (await resolveConfig(README)) ?? {};
  return (await format(markdown, { ...options, parser: 'markdown' })).trimEnd();
}

function meaning(definition: ErrorCodeDefinition): string {
  const text = definition.raisedBy
    ? `${definition.description}; raised by ${definition.raisedBy}`
    : definition.description;
  return text.replaceAll('|', '\\|');
}

/** The README with the table between the markers replaced by the registry's. */
export async function withErrorTable(readme: string): Promise<string> {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start)
    throw new Error(`README.md has no ${TABLE_START} … ${TABLE_END} section`);
  const before = readme.slice(0, start + TABLE_START.length);
  return `${before}\n\n${await errorTable()}\n\n${readme.slice(end)}`;
}

if (require.main === module) {
  void (async () => {
    writeFileSync(README, await withErrorTable(readFileSync(README, 'utf8')));
    console.log(`wrote the error codes table of README.md (${ERROR_CODES.length} codes)`);
  })();
}
