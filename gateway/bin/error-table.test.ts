import { readFileSync } from 'node:fs';
import { ERROR_CODES } from '@communes/kit';
import { README, errorTable, withErrorTable } from './error-table';

describe("README's error codes table", () => {
  it('is the one the registry generates (`npm run docs:errors` rewrites it)', async () => {
    const readme = readFileSync(README, 'utf8');
    expect(readme).toBe(await withErrorTable(readme));
  });

  it('has one row per registered code', async () => {
    const rows = (await errorTable()).split('\n').slice(2);
    expect(rows.map((row) => /^\| `([A-Z_]+)`/.exec(row)?.[1])).toEqual(ERROR_CODES);
  });

  it('refuses a README without the markers', async () => {
    await expect(withErrorTable('# No table here\n')).rejects.toThrow(/error-codes:start/);
  });
});
